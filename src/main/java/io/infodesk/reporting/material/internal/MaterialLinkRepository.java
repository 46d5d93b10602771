package io.infodesk.reporting.material.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import io.infodesk.reporting.material.MaterialLink;

public interface MaterialLinkRepository extends JpaRepository<MaterialLink, Long> {

	List<MaterialLink> findByItemIdOrderByIdAsc(Long itemId);

	List<MaterialLink> findByMaterialIdOrderByIdAsc(Long materialId);

	Optional<MaterialLink> findByItemIdAndMaterialId(Long itemId, Long materialId);

	long countByMaterialId(Long materialId);

}
