package io.infodesk.reporting.outcome.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import io.infodesk.reporting.outcome.ReportingBody;

public interface ReportingBodyRepository extends JpaRepository<ReportingBody, Long> {

	List<ReportingBody> findAllByOrderBySortOrderAscIdAsc();

	List<ReportingBody> findByActiveTrueOrderBySortOrderAscIdAsc();

	Optional<ReportingBody> findByName(String name);

	Optional<ReportingBody> findByShortName(String shortName);

}
