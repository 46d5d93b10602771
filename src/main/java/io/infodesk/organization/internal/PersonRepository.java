package io.infodesk.organization.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import io.infodesk.organization.Person;

public interface PersonRepository extends JpaRepository<Person, Long>, JpaSpecificationExecutor<Person> {

	List<Person> findByUnitIdOrderBySortOrderAscIdAsc(Long unitId);

	List<Person> findByUnitIdAndActiveTrueOrderBySortOrderAscIdAsc(Long unitId);

	List<Person> findByUnitIdInAndActiveTrueOrderBySortOrderAscIdAsc(Collection<Long> unitIds);

	List<Person> findByUnitIdAndName(Long unitId, String name);

	long countByActiveTrue();

	long countByUnitIdAndActiveTrue(Long unitId);

}
