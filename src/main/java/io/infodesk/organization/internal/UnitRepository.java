package io.infodesk.organization.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import io.infodesk.organization.Unit;
import io.infodesk.organization.UnitType;

public interface UnitRepository extends JpaRepository<Unit, Long>, JpaSpecificationExecutor<Unit> {

	Optional<Unit> findByName(String name);

	List<Unit> findAllByOrderBySortOrderAscIdAsc();

	List<Unit> findByActiveTrueOrderBySortOrderAscIdAsc();

	List<Unit> findByParentId(Long parentId);

	List<Unit> findByHeadId(Long headId);

	List<Unit> findByTypeAndActiveTrueOrderBySortOrderAscIdAsc(UnitType type);

}
