package io.infodesk.reporting.bulletin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.infodesk.audit.AuditTrail;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Unit;
import io.infodesk.reporting.ReportingException;
import io.infodesk.reporting.bulletin.internal.PeriodicalRepository;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.PermissionChecks;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Strings;
import io.infodesk.shared.text.Texts;

/**
 * The periodicals the office edits (《住建信息》, 《信息专报》, S3.1-d): configured by the office (name unique, editing
 * unit, unit whose chain applies, default 版记 and print count, optional running number). A periodical with issues
 * is deactivated, never deleted. Every change is audited.
 */
@Service
@Validated
@Transactional
public class Periodicals {

	static final String ENTITY = "Periodical";

	private final PeriodicalRepository periodicals;

	private final Organization organization;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	Periodicals(PeriodicalRepository periodicals, Organization organization, AuditTrail audit, Texts texts,
			Clock clock) {
		this.periodicals = periodicals;
		this.organization = organization;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Periodical get(long id) {
		return periodicals.findById(id).orElseThrow(() -> ReportingException.of("reporting.periodical.notFound", id));
	}

	@Transactional(readOnly = true)
	public List<Periodical> all() {
		return periodicals.findAllByOrderByNameAsc();
	}

	@Transactional(readOnly = true)
	public List<Periodical> active() {
		return periodicals.findByActiveTrueOrderByNameAsc();
	}

	public Periodical create(@Valid PeriodicalForm form, AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.REPORTING_BULLETIN);
		Periodical periodical = new Periodical(Instant.now(clock));
		write(periodical, form);
		periodicals.saveAndFlush(periodical);
		audit.record("PERIODICAL_CREATED", ENTITY, periodical.getId(), texts.get("reporting.audit.periodicalCreated",
				periodical.getName(), periodical.getEditingUnit()));
		return periodical;
	}

	public Periodical update(long id, @Valid PeriodicalForm form, AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.REPORTING_BULLETIN);
		Periodical periodical = get(id);
		write(periodical, form);
		periodicals.saveAndFlush(periodical);
		audit.record("PERIODICAL_UPDATED", ENTITY, periodical.getId(), texts.get("reporting.audit.periodicalUpdated",
				periodical.getName(), periodical.getEditingUnit(), texts.get(periodical.isActive()
						? "reporting.periodical.active" : "reporting.periodical.inactive")));
		return periodical;
	}

	private void write(Periodical periodical, PeriodicalForm form) {
		String name = stripMarks(form.name());
		if (name.isEmpty()) {
			throw new ReportingException("name", "reporting.periodical.name.required");
		}
		periodicals.findByName(name)
			.filter(other -> !other.getId().equals(periodical.getId()))
			.ifPresent(other -> {
				throw new ReportingException("name", "reporting.periodical.name.taken", name);
			});
		Unit unit = organization.unit(form.unitId())
			.filter(Unit::isActive)
			.orElseThrow(() -> new ReportingException("unitId", "reporting.item.unit.unknown"));
		periodical.change(name, form.editingUnit().strip(), unit.getId(), Strings.blankToNull(form.reportTo()),
				Strings.blankToNull(form.copyTo()), form.copies(), form.totalOffset(), Boolean.TRUE.equals(form.active()),
				Instant.now(clock));
	}

	/** The name as printed without book-title marks: 《住建信息》 → 住建信息. */
	static String stripMarks(String name) {
		return name == null ? "" : name.strip().replace("《", "").replace("》", "").strip();
	}

}
