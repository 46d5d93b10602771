package io.infodesk.assessment.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

import io.infodesk.assessment.Adjustment;

public interface AdjustmentRepository extends JpaRepository<Adjustment, Long> {

	List<Adjustment> findAllByOrderByIdDesc();

	List<Adjustment> findByStatusAndPeriodDateBetween(Adjustment.Status status, LocalDate from, LocalDate to);

	long countByStatus(Adjustment.Status status);

}
