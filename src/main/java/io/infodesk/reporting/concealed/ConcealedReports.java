package io.infodesk.reporting.concealed;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.infodesk.audit.AuditTrail;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Unit;
import io.infodesk.reporting.ReportConcealed;
import io.infodesk.reporting.ReportConcealedWithdrawn;
import io.infodesk.reporting.ReportingException;
import io.infodesk.reporting.concealed.internal.ConcealedReportRepository;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.PermissionChecks;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Texts;

/**
 * The office's register of missed and concealed reports (漏报 / 瞒报): each record names the unit, the day of the
 * unreported event, what it was and why the office counts it; it is audited and published as
 * {@link ReportConcealed} for assessment's deduction; a record made in error is withdrawn with a reason
 * ({@link ReportConcealedWithdrawn}: the deduction is cancelled). Read within the data scope of the unit.
 */
@Service
@Validated
@Transactional
public class ConcealedReports {

	static final String ENTITY = "ConcealedReport";

	static final Sort ORDER = Sort.by(Sort.Order.desc("occurredOn"), Sort.Order.desc("id"));

	private final ConcealedReportRepository reports;

	private final Organization organization;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	ConcealedReports(ConcealedReportRepository reports, Organization organization, ApplicationEventPublisher events,
			AuditTrail audit, Texts texts, Clock clock) {
		this.reports = reports;
		this.organization = organization;
		this.events = events;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	public ConcealedReport record(@Valid ConcealedReportForm form, AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.REPORTING_ADOPT);
		Unit unit = organization.unit(form.unitId())
			.filter(Unit::isActive)
			.orElseThrow(() -> new ReportingException("unitId", "reporting.item.unit.unknown"));
		if (form.occurredOn().isAfter(LocalDate.now(clock))) {
			throw new ReportingException("occurredOn", "reporting.concealed.on.future");
		}
		ConcealedReport report = reports.saveAndFlush(new ConcealedReport(unit.getId(), form.kind(), form.occurredOn(),
				form.subject().strip(), form.reason().strip(), actor.userId(), actor.displayName(), Instant.now(clock)));
		audit.record("REPORT_CONCEALED_RECORDED", ENTITY, report.getId(),
				texts.get("reporting.audit.concealedRecorded", unit.getName(),
						texts.label("reporting.concealed.kind.", form.kind()), form.occurredOn(), report.getSubject()));
		events.publishEvent(new ReportConcealed(report.getId(), unit.getId(), report.getKind(), report.getOccurredOn(),
				report.getSubject()));
		return report;
	}

	/**
	 * Withdraws a record made in error (撤销), with the reason (required, up to 2,000 characters): the record stays in
	 * the register, marked; assessment cancels its deduction ({@link ReportConcealedWithdrawn}). Audited.
	 */
	public ConcealedReport withdraw(long id, String reason, AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.REPORTING_ADOPT);
		ConcealedReport report = get(id);
		if (report.isWithdrawn()) {
			throw ReportingException.of("reporting.concealed.alreadyWithdrawn");
		}
		if (reason == null || reason.isBlank()) {
			throw new ReportingException("reason", "reporting.concealed.withdrawReason.required");
		}
		if (reason.strip().length() > 2000) {
			throw new ReportingException("reason", "reporting.concealed.withdrawReason.size");
		}
		report.withdraw(reason.strip(), actor.userId(), actor.displayName(), Instant.now(clock));
		reports.saveAndFlush(report);
		String unit = organization.unit(report.getUnitId()).map(Unit::getName).orElse("");
		audit.record("REPORT_CONCEALED_WITHDRAWN", ENTITY, report.getId(),
				texts.get("reporting.audit.concealedWithdrawn", unit,
						texts.label("reporting.concealed.kind.", report.getKind()), report.getOccurredOn(),
						report.getSubject(), reason.strip()));
		events.publishEvent(new ReportConcealedWithdrawn(report.getId(), report.getUnitId(), report.getKind(),
				report.getSubject()));
		return report;
	}

	/** A record of the register (not found: refused in Chinese). */
	@Transactional(readOnly = true)
	public ConcealedReport get(long id) {
		return reports.findById(id).orElseThrow(() -> ReportingException.of("reporting.concealed.notFound", id));
	}

	@Transactional(readOnly = true)
	public Page<ConcealedReport> search(ConcealedReportFilter filter, DataScope scope, Pageable pageable) {
		return reports.findAll(specification(filter, scope),
				PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), ORDER));
	}

	@Transactional(readOnly = true)
	public List<ConcealedReport> list(ConcealedReportFilter filter, DataScope scope) {
		return reports.findAll(specification(filter, scope), ORDER);
	}

	private static Specification<ConcealedReport> specification(ConcealedReportFilter filter, DataScope scope) {
		Specification<ConcealedReport> spec = scope.on("unitId");
		if (filter.keyword() != null && !filter.keyword().isBlank()) {
			String pattern = "%" + filter.keyword().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
				.replace("%", "\\%").replace("_", "\\_") + "%";
			spec = spec.and((root, query, cb) -> cb.or(cb.like(cb.lower(root.get("subject")), pattern, '\\'),
					cb.like(cb.lower(root.get("reason")), pattern, '\\')));
		}
		if (filter.unitId() != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("unitId"), filter.unitId()));
		}
		if (filter.kind() != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("kind"), filter.kind()));
		}
		if (filter.from() != null) {
			spec = spec.and((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("occurredOn"), filter.from()));
		}
		if (filter.to() != null) {
			spec = spec.and((root, query, cb) -> cb.lessThanOrEqualTo(root.get("occurredOn"), filter.to()));
		}
		return spec;
	}

}
