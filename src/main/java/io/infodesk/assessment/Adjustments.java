package io.infodesk.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.infodesk.assessment.internal.AdjustmentRepository;
import io.infodesk.audit.AuditTrail;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.PermissionChecks;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Texts;

/**
 * Manual adjustments (加分 / 扣分, issue 4 point 3): the office proposes with a reason; a bureau leader or a leader
 * in charge approves (then one ledger entry, category ADJUSTMENT) or rejects (nothing scores). Decided once; the
 * proposer never decides their own. Everything audited.
 */
@Service
@Validated
@Transactional
public class Adjustments {

	public static final String ENTITY = "ASSESSMENT_ADJUSTMENT";

	public static final String RULE = "ADJUSTMENT";

	private static final BigDecimal LIMIT = BigDecimal.valueOf(100);

	private final AdjustmentRepository adjustments;

	private final Ledger ledger;

	private final Organization organization;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	Adjustments(AdjustmentRepository adjustments, Ledger ledger, Organization organization, AuditTrail audit,
			Texts texts, Clock clock) {
		this.adjustments = adjustments;
		this.ledger = ledger;
		this.organization = organization;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Adjustment> all() {
		return adjustments.findAllByOrderByIdDesc();
	}

	@Transactional(readOnly = true)
	public long pending() {
		return adjustments.countByStatus(Adjustment.Status.PENDING);
	}

	@Transactional(readOnly = true)
	public List<Adjustment> approvedIn(LocalDate from, LocalDate to) {
		return adjustments.findByStatusAndPeriodDateBetween(Adjustment.Status.APPROVED, from, to);
	}

	public Adjustment request(@Valid AdjustmentForm form, AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.ASSESSMENT_MANAGE);
		if (form.points().signum() == 0 || form.points().abs().compareTo(LIMIT) > 0 || form.points().scale() > 2
				&& form.points().stripTrailingZeros().scale() > 2) {
			throw new AssessmentException("points", "assessment.adjustment.points.range");
		}
		if (form.periodDate().isAfter(LocalDate.now(clock))) {
			throw new AssessmentException("periodDate", "assessment.adjustment.day.future");
		}
		String unitName = organization.unit(form.unitId())
			.filter(io.infodesk.organization.Unit::isActive)
			.orElseThrow(() -> new AssessmentException("unitId", "assessment.adjustment.unit.required"))
			.getName();
		String personName = null;
		if (form.personId() != null) {
			Person person = organization.person(form.personId())
				.filter(p -> form.unitId().equals(p.getUnitId()))
				.orElseThrow(() -> new AssessmentException("personId", "assessment.adjustment.person.notInUnit"));
			personName = person.getName();
		}
		Adjustment adjustment = adjustments.saveAndFlush(new Adjustment(form.unitId(), form.personId(),
				form.points().setScale(2, java.math.RoundingMode.HALF_UP), form.reason().strip(), form.periodDate(),
				actor.userId(), actor.displayName(), Instant.now(clock)));
		audit.record("ASSESSMENT_ADJUSTMENT_REQUESTED", ENTITY, adjustment.getId(), texts.get(
				"assessment.audit.adjustmentRequested", unitName, personName == null ? "" : personName,
				adjustment.getPoints(), adjustment.getReason()));
		return adjustment;
	}

	public Adjustment approve(long id, String note, AuthenticatedUser actor) {
		Adjustment adjustment = decide(id, Adjustment.Status.APPROVED, note, actor);
		for (PlannedEntry entry : entries(adjustment)) {
			ledger.write(entry, "ADJUSTMENT", 0, null);
		}
		audit.record("ASSESSMENT_ADJUSTMENT_APPROVED", ENTITY, id, texts.get("assessment.audit.adjustmentDecided",
				adjustment.getPoints(), adjustment.getReason(), note == null ? "" : note));
		return adjustment;
	}

	public Adjustment reject(long id, String note, AuthenticatedUser actor) {
		Adjustment adjustment = decide(id, Adjustment.Status.REJECTED, note, actor);
		audit.record("ASSESSMENT_ADJUSTMENT_REJECTED", ENTITY, id, texts.get("assessment.audit.adjustmentDecided",
				adjustment.getPoints(), adjustment.getReason(), note == null ? "" : note));
		return adjustment;
	}

	/** The ledger entries an approved adjustment stands for (the unit's, and the person's if one is named). */
	public List<PlannedEntry> entries(Adjustment adjustment) {
		String label = adjustment.getReason();
		String link = "/assessment/adjustments#adjustment-" + adjustment.getId();
		String source = Long.toString(adjustment.getId());
		List<PlannedEntry> entries = new java.util.ArrayList<>();
		entries.add(new PlannedEntry(new LedgerKey(SourceTypes.ADJUSTMENT, source, RULE,
				LedgerKey.unit(adjustment.getUnitId())), adjustment.getUnitId(), null, adjustment.getPoints(),
				ScoreKind.ADJUSTMENT, null, null, adjustment.getPeriodDate(), null, label, link, null));
		if (adjustment.getPersonId() != null) {
			entries.add(new PlannedEntry(new LedgerKey(SourceTypes.ADJUSTMENT, source, RULE,
					LedgerKey.person(adjustment.getPersonId())), adjustment.getUnitId(), adjustment.getPersonId(),
					adjustment.getPoints(), ScoreKind.ADJUSTMENT, null, null, adjustment.getPeriodDate(), null, label,
					link, null));
		}
		return entries;
	}

	private Adjustment decide(long id, Adjustment.Status decision, String note, AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.ASSESSMENT_APPROVE);
		Adjustment adjustment = adjustments.findById(id)
			.orElseThrow(() -> AssessmentException.of("assessment.adjustment.notFound"));
		if (adjustment.getStatus() != Adjustment.Status.PENDING) {
			throw AssessmentException.of("assessment.adjustment.decided");
		}
		if (adjustment.getRequestedById() == actor.userId()) {
			throw AssessmentException.of("assessment.adjustment.ownRequest");
		}
		if (decision == Adjustment.Status.REJECTED && (note == null || note.isBlank())) {
			throw new AssessmentException("note", "assessment.adjustment.note.required");
		}
		adjustment.decide(decision, actor.userId(), actor.displayName(),
				note == null || note.isBlank() ? null : note.strip(), Instant.now(clock));
		adjustments.saveAndFlush(adjustment);
		return adjustment;
	}

}
