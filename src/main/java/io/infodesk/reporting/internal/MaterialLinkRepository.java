package io.infodesk.reporting.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import io.infodesk.reporting.MaterialLink;

public interface MaterialLinkRepository extends JpaRepository<MaterialLink, Long> {

	List<MaterialLink> findByItemIdOrderByIdAsc(Long itemId);

	List<MaterialLink> findByMaterialIdOrderByIdAsc(Long materialId);

	Optional<MaterialLink> findByItemIdAndMaterialId(Long itemId, Long materialId);

	long countByMaterialId(Long materialId);

}
