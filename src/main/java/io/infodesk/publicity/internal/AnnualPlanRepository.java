package io.infodesk.publicity.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import io.infodesk.publicity.AnnualPlan;

public interface AnnualPlanRepository extends JpaRepository<AnnualPlan, Long> {

	Optional<AnnualPlan> findByUnitIdAndYear(Long unitId, int year);

	List<AnnualPlan> findByYear(int year);

}
