package io.infodesk.reporting.outcome;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.infodesk.audit.AuditTrail;
import io.infodesk.reporting.InformationAdopted;
import io.infodesk.reporting.LeaderInstructionRecorded;
import io.infodesk.reporting.ReportingException;
import io.infodesk.reporting.attachment.Attachments;
import io.infodesk.reporting.internal.ReportingReminders;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.InformationItems;
import io.infodesk.reporting.item.ItemRegister;
import io.infodesk.reporting.item.ItemStatus;
import io.infodesk.reporting.outcome.internal.AdoptionRepository;
import io.infodesk.reporting.outcome.internal.LeaderInstructionRepository;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.PermissionChecks;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Strings;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.TimeConfiguration;

/**
 * What became of submitted items (S3.1-d): adoptions by outlets at a level ({@link InformationAdopted}) and
 * leader instructions with the feedback they call for ({@link LeaderInstructionRecorded}). Only a submitted
 * item can be adopted or instructed on; days cannot be in the future nor before the first submission. Events
 * are published in the recording transaction; everything is audited.
 */
@Service
@Validated
@Transactional
public class Adoptions {

	private final AdoptionRepository adoptions;

	private final LeaderInstructionRepository instructions;

	private final InformationItems items;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	private final ReportingReminders reminders;

	private final Attachments attachments;

	private final ItemRegister register;

	Adoptions(AdoptionRepository adoptions, LeaderInstructionRepository instructions, InformationItems items,
			ApplicationEventPublisher events, AuditTrail audit, Texts texts, Clock clock, ReportingReminders reminders,
			Attachments attachments, ItemRegister register) {
		this.register = register;
		this.attachments = attachments;
		this.reminders = reminders;
		this.adoptions = adoptions;
		this.instructions = instructions;
		this.items = items;
		this.events = events;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Adoption> adoptionsOf(long itemId) {
		return adoptions.findByItemIdOrderByAdoptedOnAscIdAsc(itemId);
	}

	@Transactional(readOnly = true)
	public List<LeaderInstruction> instructionsOf(long itemId) {
		return instructions.findByItemIdOrderByInstructedOnAscIdAsc(itemId);
	}

	/** The adoptions of several items (for the register). */
	@Transactional(readOnly = true)
	public List<Adoption> adoptionsOfItems(java.util.Collection<Long> itemIds) {
		return itemIds.isEmpty() ? List.of() : adoptions.findByItemIdIn(itemIds);
	}

	/** The instructions on several items (for the register). */
	@Transactional(readOnly = true)
	public List<LeaderInstruction> instructionsOfItems(java.util.Collection<Long> itemIds) {
		return itemIds.isEmpty() ? List.of() : instructions.findByItemIdIn(itemIds);
	}

	/** The adoption register: adoptions of the items the user may see, newest first. */
	@Transactional(readOnly = true)
	public org.springframework.data.domain.Page<Adoption> searchAdoptions(OutcomeFilter filter, DataScope scope,
			AuthenticatedUser user, org.springframework.data.domain.Pageable pageable) {
		return adoptions.findAll(adoptionSpec(filter, scope, user), org.springframework.data.domain.PageRequest
			.of(pageable.getPageNumber(), pageable.getPageSize(), ADOPTION_ORDER));
	}

	@Transactional(readOnly = true)
	public List<Adoption> listAdoptions(OutcomeFilter filter, DataScope scope, AuthenticatedUser user) {
		return adoptions.findAll(adoptionSpec(filter, scope, user), ADOPTION_ORDER);
	}

	/** The instruction register: instructions on the items the user may see, newest first. */
	@Transactional(readOnly = true)
	public org.springframework.data.domain.Page<LeaderInstruction> searchInstructions(OutcomeFilter filter,
			DataScope scope, AuthenticatedUser user, org.springframework.data.domain.Pageable pageable) {
		return instructions.findAll(instructionSpec(filter, scope, user), org.springframework.data.domain.PageRequest
			.of(pageable.getPageNumber(), pageable.getPageSize(), INSTRUCTION_ORDER));
	}

	@Transactional(readOnly = true)
	public List<LeaderInstruction> listInstructions(OutcomeFilter filter, DataScope scope, AuthenticatedUser user) {
		return instructions.findAll(instructionSpec(filter, scope, user), INSTRUCTION_ORDER);
	}

	static final org.springframework.data.domain.Sort ADOPTION_ORDER = org.springframework.data.domain.Sort
		.by(org.springframework.data.domain.Sort.Order.desc("adoptedOn"), org.springframework.data.domain.Sort.Order.desc("id"));

	static final org.springframework.data.domain.Sort INSTRUCTION_ORDER = org.springframework.data.domain.Sort
		.by(org.springframework.data.domain.Sort.Order.desc("instructedOn"), org.springframework.data.domain.Sort.Order.desc("id"));

	private org.springframework.data.jpa.domain.Specification<Adoption> adoptionSpec(OutcomeFilter filter,
			DataScope scope, AuthenticatedUser user) {
		return io.infodesk.reporting.outcome.internal.OutcomeSpecs.matching(filter, visibleItems(scope, user),
				"adoptedOn", "outlet");
	}

	private org.springframework.data.jpa.domain.Specification<LeaderInstruction> instructionSpec(
			OutcomeFilter filter, DataScope scope, AuthenticatedUser user) {
		return io.infodesk.reporting.outcome.internal.OutcomeSpecs.matching(filter, visibleItems(scope, user),
				"instructedOn", "leader");
	}

	/** The items the user may see; {@code null} when that is every item (an outcome always belongs to an item). */
	private ItemRegister.Visibility visibleItems(DataScope scope, AuthenticatedUser user) {
		return scope instanceof DataScope.Units units ? register.visibility(units, user) : null;
	}

	/** Instructions whose feedback is due and not yet given, on items the user may see. */
	@Transactional(readOnly = true)
	public List<LeaderInstruction> feedbackPending(AuthenticatedUser user, DataScope scope) {
		return instructions.findByFeedbackDueIsNotNullAndFeedbackOnIsNull()
			.stream()
			.filter(instruction -> InformationItems.canSee(items.get(instruction.getItemId()), user, scope))
			.toList();
	}

	/**
	 * An adoption with its evidence file (a scan or photo of the page, the PDF of the issue), in one transaction:
	 * a refused file records nothing.
	 */
	public Adoption recordAdoption(long itemId, @Valid AdoptionForm form, io.infodesk.shared.files.Upload evidenceFile,
			AuthenticatedUser actor, DataScope scope) {
		Adoption adoption = recordAdoption(itemId, form, actor, scope);
		if (evidenceFile != null) {
			attachments.attachEvidence(adoption, items.get(itemId), evidenceFile, actor);
		}
		return adoption;
	}

	public Adoption recordAdoption(long itemId, @Valid AdoptionForm form, AuthenticatedUser actor, DataScope scope) {
		InformationItem item = submittedItem(itemId, actor, scope);
		requireDay(form.adoptedOn(), item, "adoptedOn");
		Instant now = Instant.now(clock);
		Adoption adoption = adoptions.saveAndFlush(new Adoption(itemId, form.outlet().strip(), Strings.blankToNull(form.issue()),
				form.level(), form.adoptedOn(), Strings.blankToNull(form.evidence()), actor.displayName(), now));
		item.adopted(form.level(), now);
		audit.record("ITEM_ADOPTED", InformationItems.ENTITY, itemId, texts.get("reporting.audit.adopted",
				item.getTitle(), form.outlet().strip(), form.issue() == null ? "" : form.issue().strip(),
				texts.label("reporting.level.", form.level()), form.adoptedOn()));
		events.publishEvent(new InformationAdopted(item.itemId(), item.getUnitId(), adoption.getId(), form.level(),
				form.adoptedOn(), adoption.getOutlet(), item.shares()));
		return adoption;
	}

	public LeaderInstruction recordInstruction(long itemId, @Valid InstructionForm form, AuthenticatedUser actor,
			DataScope scope) {
		InformationItem item = submittedItem(itemId, actor, scope);
		requireDay(form.instructedOn(), item, "instructedOn");
		if (form.feedbackDue() != null && form.feedbackDue().isBefore(form.instructedOn())) {
			throw new ReportingException("feedbackDue", "reporting.instruction.feedbackDue.beforeInstruction");
		}
		LeaderInstruction instruction = instructions.saveAndFlush(new LeaderInstruction(itemId, form.level(),
				form.leader().strip(), form.instructedOn(), form.summary().strip(), form.feedbackDue(),
				actor.displayName(), Instant.now(clock)));
		audit.record("LEADER_INSTRUCTION_RECORDED", InformationItems.ENTITY, itemId,
				texts.get("reporting.audit.instruction", item.getTitle(), texts.label("reporting.level.", form.level()),
						form.leader().strip(), form.instructedOn()));
		reminders.instructionRecorded(instruction, item);
		events.publishEvent(new LeaderInstructionRecorded(item.itemId(), item.getUnitId(), instruction.getId(),
				form.level(), form.instructedOn(), form.feedbackDue(), item.shares()));
		return instruction;
	}

	/** Records the feedback (批示反馈) given on an instruction, once. */
	public LeaderInstruction recordFeedback(long instructionId, @Valid FeedbackForm form, AuthenticatedUser actor,
			DataScope scope) {
		PermissionChecks.require(actor, Permissions.REPORTING_ADOPT);
		LeaderInstruction instruction = instructions.findById(instructionId)
			.orElseThrow(() -> ReportingException.of("reporting.instruction.notFound"));
		InformationItem item = items.visible(instruction.getItemId(), actor, scope);
		if (instruction.getFeedbackOn() != null) {
			throw ReportingException.of("reporting.instruction.feedbackGiven");
		}
		if (form.feedbackOn().isAfter(LocalDate.now(clock)) || form.feedbackOn().isBefore(instruction.getInstructedOn())) {
			throw new ReportingException("feedbackOn", "reporting.instruction.feedbackOn.invalid");
		}
		instruction.feedback(form.feedbackOn(), form.note().strip());
		reminders.feedbackRecorded(instruction.getId());
		audit.record("LEADER_INSTRUCTION_FEEDBACK", InformationItems.ENTITY, item.getId(),
				texts.get("reporting.audit.feedback", item.getTitle(), instruction.getLeader(), form.feedbackOn()));
		return instruction;
	}

	private InformationItem submittedItem(long itemId, AuthenticatedUser actor, DataScope scope) {
		PermissionChecks.require(actor, Permissions.REPORTING_ADOPT);
		InformationItem item = items.visible(itemId, actor, scope);
		if (item.getStatus() != ItemStatus.SUBMITTED && item.getStatus() != ItemStatus.ADOPTED) {
			throw ReportingException.of("reporting.adoption.notSubmitted",
					texts.label("reporting.status.", item.getStatus()));
		}
		return item;
	}

	private void requireDay(LocalDate day, InformationItem item, String field) {
		if (day.isAfter(LocalDate.now(clock))) {
			throw new ReportingException(field, "reporting.adoption.day.future");
		}
		LocalDate submitted = LocalDate.ofInstant(item.getFirstSubmittedAt(), TimeConfiguration.ZONE);
		if (day.isBefore(submitted)) {
			throw new ReportingException(field, "reporting.adoption.day.beforeSubmission", submitted);
		}
	}

}
