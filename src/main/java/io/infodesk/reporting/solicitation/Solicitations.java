package io.infodesk.reporting.solicitation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.infodesk.audit.AuditTrail;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;
import io.infodesk.reporting.item.InformationItems;
import io.infodesk.reporting.ReportingException;
import io.infodesk.reporting.internal.ReportingReminders;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.internal.InformationItemRepository;
import io.infodesk.reporting.outcome.BodyForm;
import io.infodesk.reporting.outcome.ReportingBody;
import io.infodesk.reporting.outcome.internal.ReportingBodyRepository;
import io.infodesk.reporting.solicitation.internal.SolicitationRepository;
import io.infodesk.reporting.solicitation.internal.SolicitationSpecs;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.PermissionChecks;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.DateFormats;
import io.infodesk.shared.time.TimeConfiguration;

/**
 * Solicitations (约稿, S3.1-c) and the directory of bodies: the office registers what a body asks for, by
 * when, and who answers; items link to the solicitation they answer; the first submission of such an item to
 * the asking body delivers it. Status, overdue and due-within-24-hours lists follow from the clock. Every
 * change is audited.
 */
@Service
@Validated
@Transactional
public class Solicitations {

	public static final String ENTITY = "Solicitation";

	static final Sort ORDER = Sort.by(Sort.Order.asc("deadline"), Sort.Order.desc("id"));

	private final SolicitationRepository solicitations;

	private final ReportingBodyRepository bodies;

	private final InformationItemRepository items;

	private final Organization organization;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	private final ReportingReminders reminders;

	Solicitations(SolicitationRepository solicitations, ReportingBodyRepository bodies,
			InformationItemRepository items, Organization organization, AuditTrail audit, Texts texts, Clock clock,
			ReportingReminders reminders) {
		this.reminders = reminders;
		this.solicitations = solicitations;
		this.bodies = bodies;
		this.items = items;
		this.organization = organization;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	// ---- the directory of bodies ----------------------------------------------------------------

	@Transactional(readOnly = true)
	public List<ReportingBody> bodies() {
		return bodies.findAllByOrderBySortOrderAscIdAsc();
	}

	@Transactional(readOnly = true)
	public List<ReportingBody> activeBodies() {
		return bodies.findByActiveTrueOrderBySortOrderAscIdAsc();
	}

	@Transactional(readOnly = true)
	public ReportingBody body(long id) {
		return bodies.findById(id).orElseThrow(() -> ReportingException.of("reporting.body.notFound", id));
	}

	public ReportingBody createBody(@Valid BodyForm form, AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.REPORTING_SETTINGS);
		ReportingBody body = new ReportingBody(Instant.now(clock));
		write(body, form);
		audit.record("BODY_CREATED", "ReportingBody", body.getId(),
				texts.get("reporting.audit.bodyCreated", body.getName(), body.getShortName()));
		return body;
	}

	public ReportingBody updateBody(long id, @Valid BodyForm form, AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.REPORTING_SETTINGS);
		ReportingBody body = body(id);
		write(body, form);
		audit.record("BODY_UPDATED", "ReportingBody", id,
				texts.get("reporting.audit.bodyUpdated", body.getName(), body.getShortName()));
		return body;
	}

	private void write(ReportingBody body, BodyForm form) {
		String name = form.name().strip();
		String shortName = form.shortName().strip();
		bodies.findByName(name)
			.filter(other -> !other.getId().equals(body.getId()))
			.ifPresent(other -> {
				throw new ReportingException("name", "reporting.body.name.taken", name);
			});
		bodies.findByShortName(shortName)
			.filter(other -> !other.getId().equals(body.getId()))
			.ifPresent(other -> {
				throw new ReportingException("shortName", "reporting.body.shortName.taken", shortName);
			});
		body.change(name, shortName, form.level(), form.sortOrder());
		bodies.saveAndFlush(body);
	}

	public void setBodyActive(long id, boolean active, AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.REPORTING_SETTINGS);
		ReportingBody body = body(id);
		if (body.isActive() == active) {
			return;
		}
		body.setActive(active);
		audit.record(active ? "BODY_ACTIVATED" : "BODY_DEACTIVATED", "ReportingBody", id,
				texts.get(active ? "reporting.audit.bodyActivated" : "reporting.audit.bodyDeactivated", body.getName()));
	}

	// ---- reading -------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public Solicitation get(long id) {
		return solicitations.findById(id).orElseThrow(() -> ReportingException.of("reporting.solicitation.notFound", id));
	}

	/** The solicitation, if the user may see it: a responsible unit in scope, or an owner. */
	@Transactional(readOnly = true)
	public Solicitation visible(long id, AuthenticatedUser user, DataScope scope) {
		Solicitation solicitation = get(id);
		if (!canSee(solicitation, user, scope)) {
			throw new AccessDeniedException("超出数据权限范围");
		}
		return solicitation;
	}

	public static boolean canSee(Solicitation solicitation, AuthenticatedUser user, DataScope scope) {
		return scope instanceof DataScope.All || solicitation.getUnitIds().stream().anyMatch(scope::includes)
				|| solicitation.isAnswerableBy(null, user.personId());
	}

	@Transactional(readOnly = true)
	public Page<Solicitation> search(SolicitationFilter filter, DataScope scope, AuthenticatedUser user,
			Pageable pageable) {
		return solicitations.findAll(specification(filter, scope, user),
				PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), ORDER));
	}

	@Transactional(readOnly = true)
	public List<Solicitation> list(SolicitationFilter filter, DataScope scope, AuthenticatedUser user) {
		return solicitations.findAll(specification(filter, scope, user), ORDER);
	}

	private org.springframework.data.jpa.domain.Specification<Solicitation> specification(SolicitationFilter filter,
			DataScope scope, AuthenticatedUser user) {
		return SolicitationSpecs.visible(scope, user.personId()).and(SolicitationSpecs.matching(filter, now()));
	}

	/** Past the deadline and nothing delivered, most overdue first. */
	@Transactional(readOnly = true)
	public List<Solicitation> overdue(DataScope scope, AuthenticatedUser user) {
		return list(new SolicitationFilter(null, null, null, SolicitationStatus.MISSED.name()), scope, user);
	}

	/** Open and due within 24 hours, soonest first. */
	@Transactional(readOnly = true)
	public List<Solicitation> dueSoon(DataScope scope, AuthenticatedUser user) {
		return list(new SolicitationFilter(null, null, null, SolicitationFilter.DUE_SOON), scope, user);
	}

	/** Not yet delivered and visible to the user: what an item may answer. */
	@Transactional(readOnly = true)
	public List<Solicitation> answerable(DataScope scope, AuthenticatedUser user) {
		return solicitations.findAll(SolicitationSpecs.visible(scope, user.personId())
			.and((root, query, cb) -> cb.isNull(root.get("deliveredAt"))), ORDER);
	}

	/** Not yet delivered and answerable by the user: an owner, or head or publicist of a responsible unit. */
	@Transactional(readOnly = true)
	public List<Solicitation> awaiting(AuthenticatedUser user) {
		boolean unitRole = user.hasRole("UNIT_HEAD") || user.hasRole("PUBLICIST");
		return solicitations
			.findAll((root, query, cb) -> cb.isNull(root.get("deliveredAt")), ORDER)
			.stream()
			.filter(solicitation -> solicitation.isAnswerableBy(unitRole ? user.unitId() : null, user.personId()))
			.toList();
	}

	/** The items answering the solicitation. */
	@Transactional(readOnly = true)
	public List<InformationItem> answers(long solicitationId) {
		return items.findAll((root, query, cb) -> cb.equal(root.get("solicitationId"), solicitationId),
				Sort.by("createdAt"));
	}

	/**
	 * The answers the user may read: those of units in their data scope and their own (a co-assigned unit does not
	 * see another unit's drafts, titles or authors: issue 17, part 5).
	 */
	@Transactional(readOnly = true)
	public List<InformationItem> answers(long solicitationId, AuthenticatedUser user, DataScope scope) {
		return answers(solicitationId).stream().filter(item -> InformationItems.canSee(item, user, scope)).toList();
	}

	// ---- writing -------------------------------------------------------------------------------

	public Solicitation register(@Valid SolicitationForm form, AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.REPORTING_SOLICITATION_MANAGE);
		Instant now = now();
		Solicitation solicitation = new Solicitation(actor.userId(), actor.displayName(), now);
		String bodyName = write(solicitation, form, now);
		audit.record("SOLICITATION_REGISTERED", ENTITY, solicitation.getId(),
				texts.get("reporting.audit.solicitationRegistered", bodyName, solicitation.getTopic(),
						deadlineText(solicitation)));
		reminders.solicitationChanged(solicitation);
		return solicitation;
	}

	public Solicitation update(long id, @Valid SolicitationForm form, AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.REPORTING_SOLICITATION_MANAGE);
		Solicitation solicitation = get(id);
		String bodyName = write(solicitation, form, now());
		audit.record("SOLICITATION_UPDATED", ENTITY, id, texts.get("reporting.audit.solicitationUpdated", bodyName,
				solicitation.getTopic(), deadlineText(solicitation)));
		reminders.solicitationChanged(solicitation);
		return solicitation;
	}

	private String write(Solicitation solicitation, SolicitationForm form, Instant now) {
		ReportingBody body = bodies.findById(form.bodyId())
			.filter(candidate -> candidate.isActive() || candidate.getId().equals(solicitation.getBodyId()))
			.orElseThrow(() -> new ReportingException("bodyId", "reporting.solicitation.body.unknown"));
		LocalDate today = LocalDate.now(clock);
		if (form.receivedOn().isAfter(today)) {
			throw new ReportingException("receivedOn", "reporting.solicitation.receivedOn.future");
		}
		Instant deadline = form.deadline().atZone(TimeConfiguration.ZONE).toInstant();
		if (form.deadline().toLocalDate().isBefore(form.receivedOn())) {
			throw new ReportingException("deadline", "reporting.solicitation.deadline.beforeReceived");
		}
		Set<Long> unitIds = new LinkedHashSet<>();
		for (Long unitId : form.unitIds()) {
			if (unitId == null) {
				continue;
			}
			Unit unit = organization.unit(unitId)
				.filter(Unit::isActive)
				.orElseThrow(() -> new ReportingException("unitIds", "reporting.item.unit.unknown"));
			unitIds.add(unit.getId());
		}
		if (unitIds.isEmpty()) {
			throw new ReportingException("unitIds", "reporting.solicitation.units.required");
		}
		List<SolicitationOwner> owners = new ArrayList<>();
		for (Long personId : new LinkedHashSet<>(form.ownerIds())) {
			if (personId == null) {
				continue;
			}
			Person person = organization.person(personId)
				.filter(Person::isActive)
				.orElseThrow(() -> new ReportingException("ownerIds", "reporting.item.authors.unknown"));
			owners.add(new SolicitationOwner(person.getId(), person.getName()));
		}
		solicitation.change(body.getId(), form.topic().strip(),
				form.requirements() == null || form.requirements().isBlank() ? null : form.requirements().strip(),
				form.receivedOn(), deadline, unitIds, owners, now);
		solicitations.saveAndFlush(solicitation);
		return body.getShortName();
	}

	/**
	 * Marks the solicitation delivered by the submission of an answering item to the body that asked (only the
	 * first delivery counts). Returns true when this submission delivered it.
	 */
	public boolean deliver(long solicitationId, long itemId, long toBodyId, Instant at) {
		Solicitation solicitation = get(solicitationId);
		if (!solicitation.getBodyId().equals(toBodyId) || !solicitation.deliver(itemId, at)) {
			return false;
		}
		audit.record("SOLICITATION_DELIVERED", ENTITY, solicitationId,
				texts.get(solicitation.getDeliveredAt().isAfter(solicitation.getDeadline())
						? "reporting.audit.solicitationDeliveredLate" : "reporting.audit.solicitationDelivered",
						solicitation.getTopic(), itemId));
		reminders.solicitationDelivered(solicitationId);
		return true;
	}

	private String deadlineText(Solicitation solicitation) {
		return DateFormats.MINUTES
			.format(solicitation.getDeadline().atZone(TimeConfiguration.ZONE));
	}

	/** The names of the responsible units, for lists. */
	public String unitNames(Solicitation solicitation) {
		return solicitation.getUnitIds()
			.stream()
			.map(id -> organization.unit(id).map(Unit::getName).orElse(String.valueOf(id)))
			.collect(Collectors.joining("、"));
	}

	private Instant now() {
		return Instant.now(clock);
	}

}
