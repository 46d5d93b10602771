package io.infodesk.reporting.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import io.infodesk.reporting.ConcealedReport;

public interface ConcealedReportRepository
		extends JpaRepository<ConcealedReport, Long>, JpaSpecificationExecutor<ConcealedReport> {

}
