package io.infodesk.reporting.outcome.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

import io.infodesk.reporting.outcome.Adoption;

public interface AdoptionRepository extends JpaRepository<Adoption, Long>,
		org.springframework.data.jpa.repository.JpaSpecificationExecutor<Adoption> {

	List<Adoption> findByItemIdOrderByAdoptedOnAscIdAsc(Long itemId);

	List<Adoption> findByItemIdIn(java.util.Collection<Long> itemIds);

}
