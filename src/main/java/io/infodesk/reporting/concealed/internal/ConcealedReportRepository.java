package io.infodesk.reporting.concealed.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import io.infodesk.reporting.concealed.ConcealedReport;

public interface ConcealedReportRepository
		extends JpaRepository<ConcealedReport, Long>, JpaSpecificationExecutor<ConcealedReport> {

}
