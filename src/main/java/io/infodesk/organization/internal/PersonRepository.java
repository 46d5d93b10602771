package io.infodesk.organization.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import io.infodesk.organization.Person;
import io.infodesk.organization.PersonName;

public interface PersonRepository extends JpaRepository<Person, Long>, JpaSpecificationExecutor<Person> {

	List<Person> findByUnitIdOrderBySortOrderAscIdAsc(Long unitId);

	List<Person> findByUnitIdAndActiveTrueOrderBySortOrderAscIdAsc(Long unitId);

	List<Person> findByUnitIdInAndActiveTrueOrderBySortOrderAscIdAsc(Collection<Long> unitIds);

	List<Person> findByUnitIdAndName(Long unitId, String name);

	@Query("select new io.infodesk.organization.PersonName(p.id, p.name, p.unitId) from Person p where p.id in :ids")
	List<PersonName> findNamesByIdIn(@Param("ids") Collection<Long> ids);

	long countByActiveTrue();

	long countByUnitIdAndActiveTrue(Long unitId);

}
