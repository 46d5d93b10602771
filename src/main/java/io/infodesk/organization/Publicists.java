package io.infodesk.organization;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.infodesk.audit.AuditTrail;
import io.infodesk.organization.internal.PersonRepository;
import io.infodesk.organization.internal.PublicistDesignationRepository;
import io.infodesk.organization.internal.Specs;
import io.infodesk.organization.internal.UnitRepository;

import io.infodesk.shared.security.DataScope;

/**
 * The information publicists (信息宣传员) designated per unit, one or more, with start and end
 * dates so the history is kept (S2-a, S4-b): a publicist must be an active person of the unit, and
 * the same person cannot hold two overlapping designations for the same unit. Every change is audited.
 */
@Service
@Validated
@Transactional
public class Publicists {

	static final Sort ORDER = Sort.by("unitId", "startDate", "id");

	private final PublicistDesignationRepository designations;

	private final PersonRepository people;

	private final UnitRepository units;

	private final AuditTrail audit;

	private final Clock clock;

	Publicists(PublicistDesignationRepository designations, PersonRepository people, UnitRepository units,
			AuditTrail audit, Clock clock) {
		this.designations = designations;
		this.people = people;
		this.units = units;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public PublicistDesignation get(long id) {
		return designations.findById(id).orElseThrow(() -> new RecordNotFound("PublicistDesignation", id));
	}

	@Transactional(readOnly = true)
	public Page<PublicistDesignation> search(AssignmentFilter filter, DataScope scope, Pageable pageable) {
		Pageable ordered = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), ORDER);
		return designations.findAll(specification(filter, scope), ordered);
	}

	@Transactional(readOnly = true)
	public List<PublicistDesignation> list(AssignmentFilter filter, DataScope scope) {
		return designations.findAll(specification(filter, scope), ORDER);
	}

	/** The designations in force today whose person is active, for the chart and the dashboard. */
	@Transactional(readOnly = true)
	public List<PublicistDesignation> current() {
		LocalDate today = LocalDate.now(clock);
		return designations.findAll(ORDER)
			.stream()
			.filter(designation -> designation.activeOn(today))
			.filter(designation -> people.findById(designation.getPersonId()).map(Person::isActive).orElse(false))
			.toList();
	}

	private Specification<PublicistDesignation> specification(AssignmentFilter filter, DataScope scope) {
		return Specification.<PublicistDesignation>where(scope.on("unitId"))
			.and(Specs.equal("personId", filter.personId()))
			.and(Specs.equal("unitId", filter.unitId()))
			.and(Specs.period(filter.status(), LocalDate.now(clock)));
	}

	public PublicistDesignation designate(@Valid PublicistForm form) {
		Unit unit = units.findById(form.unitId())
			.filter(Unit::isActive)
			.orElseThrow(() -> new RuleViolation("unitId", "publicist.error.unitMissing"));
		Person person = people.findById(form.personId())
			.filter(Person::isActive)
			.orElseThrow(() -> new RuleViolation("personId", "publicist.error.personMissing"));
		if (!person.getUnitId().equals(unit.getId())) {
			throw new RuleViolation("personId", "publicist.error.notMember", person.getName(), unit.getName());
		}
		if (form.endDate() != null && form.endDate().isBefore(form.startDate())) {
			throw new RuleViolation("endDate", "org.error.endBeforeStart");
		}
		boolean overlapping = designations.findByPersonIdAndUnitId(person.getId(), unit.getId())
			.stream()
			.anyMatch(other -> other.overlaps(form.startDate(), form.endDate()));
		if (overlapping) {
			throw new RuleViolation("personId", "publicist.error.overlap", person.getName(), unit.getName());
		}
		PublicistDesignation designation = new PublicistDesignation(unit.getId(), person.getId(), form.startDate(),
				Instant.now(clock));
		if (form.endDate() != null) {
			designation.end(form.endDate());
		}
		designations.save(designation);
		audit.record("PUBLICIST_DESIGNATED", "PublicistDesignation", designation.getId(),
				"指定「" + person.getName() + "」为「" + unit.getName() + "」信息宣传员，自 " + form.startDate() + " 起"
						+ (form.endDate() == null ? "" : "，至 " + form.endDate()));
		return designation;
	}

	/** Ends a designation on the given day (its last day in force). */
	public void end(long id, LocalDate endDate) {
		PublicistDesignation designation = get(id);
		designation.endOn(endDate, LocalDate.now(clock));
		String person = people.findById(designation.getPersonId()).map(Person::getName).orElse("");
		String unit = units.findById(designation.getUnitId()).map(Unit::getName).orElse("");
		audit.record("PUBLICIST_ENDED", "PublicistDesignation", id,
				"结束「" + person + "」在「" + unit + "」的信息宣传员指定（截至 " + endDate + "）");
	}

}
