package io.infodesk.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.infodesk.account.Accounts;
import io.infodesk.account.Role;
import io.infodesk.account.UserAccount;
import io.infodesk.notification.Deadlines;
import io.infodesk.notification.NotificationType;
import io.infodesk.notification.Notifications;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.reporting.internal.ReviewActionRepository;
import io.infodesk.reporting.internal.ReviewProcessRepository;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.TimeConfiguration;

/**
 * Declares reporting's deadlines and review steps to the notification module (issue 5, point 4), through its
 * public API only ({@link Deadlines}, {@link Notifications}); the notification module knows nothing of reporting.
 * Called by the reporting services inside the transaction that changes the record, so a deadline is declared,
 * moved or completed together with the change.
 * <ul>
 * <li>Solicitations: key {@code reporting:solicitation:<id>}, owners = accounts of the owners (落实主体) and of
 * the heads and publicists of the responsible units, due at the deadline, reminded 24 h before, at the deadline
 * and 24 h overdue; completed when delivered.</li>
 * <li>Same-day items: key {@code reporting:urgent:<id>}, owners = the drafter, the reviewers of the current step
 * and the office editors, due 23:59:59 Asia/Shanghai of the event's day, reminded 2 h before; completed at the
 * first submission (or when the item is no longer time-critical or discarded).</li>
 * <li>Review steps: the reviewers who may act at the step an item reaches get a REVIEW_WAITING notification
 * (the work inbox 待我处理 keeps its own entries), and a reminder when the step is still waiting after
 * {@code infodesk.reporting.review-reminder-after} (default 24 h); key {@code reporting:review:<process>},
 * re-armed by the next step, completed at sign-off or return.</li>
 * <li>Leader instructions with a feedback day (批示反馈): key {@code reporting:instruction:<id>}, the drafter
 * and the office editors, reminded a day before and at the end of the day; completed by the feedback.</li>
 * </ul>
 */
@Component
class ReportingReminders {

	static final List<Duration> SOLICITATION_OFFSETS = List.of(Duration.ofHours(24), Duration.ZERO,
			Duration.ofHours(-24));

	static final List<Duration> URGENT_OFFSETS = List.of(Duration.ofHours(2));

	static final List<Duration> INSTRUCTION_OFFSETS = List.of(Duration.ofHours(24), Duration.ZERO);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Deadlines deadlines;

	private final Notifications notifications;

	private final Accounts accounts;

	private final Organization organization;

	private final ReviewProcessRepository processes;

	private final ReviewActionRepository actions;

	private final Texts texts;

	private final Clock clock;

	private final Duration reviewWaitingAfter;

	ReportingReminders(Deadlines deadlines, Notifications notifications, Accounts accounts, Organization organization,
			ReviewProcessRepository processes, ReviewActionRepository actions, Texts texts, Clock clock,
			@Value("${infodesk.reporting.review-reminder-after:PT24H}") Duration reviewWaitingAfter) {
		this.clock = clock;
		this.reviewWaitingAfter = reviewWaitingAfter;
		this.deadlines = deadlines;
		this.notifications = notifications;
		this.accounts = accounts;
		this.organization = organization;
		this.processes = processes;
		this.actions = actions;
		this.texts = texts;
	}

	static String solicitationKey(long id) {
		return "reporting:solicitation:" + id;
	}

	static String reviewKey(long processId) {
		return "reporting:review:" + processId;
	}

	static String instructionKey(long instructionId) {
		return "reporting:instruction:" + instructionId;
	}

	static String urgentKey(long itemId) {
		return "reporting:urgent:" + itemId;
	}

	// ---- solicitations -------------------------------------------------------------------------

	/** Registered or changed: (re)declares its deadline, unless it is already delivered. */
	void solicitationChanged(Solicitation solicitation) {
		if (solicitation.getDeliveredAt() != null) {
			return;
		}
		Set<Long> owners = new LinkedHashSet<>(accounts.userIdsOfPersons(
				solicitation.getOwners().stream().map(SolicitationOwner::getPersonId).toList()));
		Set<Long> unitPeople = new LinkedHashSet<>();
		for (Long unitId : solicitation.getUnitIds()) {
			organization.unit(unitId).map(io.infodesk.organization.Unit::getHeadId).ifPresent(unitPeople::add);
			unitPeople.addAll(organization.currentPublicistsOf(unitId));
		}
		owners.addAll(accounts.userIdsOfPersons(unitPeople));
		// as the work inbox: accounts holding 科室负责人 or 宣传员 in a responsible unit
		for (UserAccount account : accounts.enabledHolders(Role.UNIT_HEAD, Role.PUBLICIST)) {
			Long unitId = unitOf(account);
			if (unitId != null && solicitation.getUnitIds().contains(unitId)) {
				owners.add(account.getId());
			}
		}
		deadlines.register(solicitationKey(solicitation.getId()), owners, solicitation.getDeadline(),
				NotificationType.SOLICITATION_DUE,
				texts.get("reporting.notify.solicitation", solicitation.getTopic(),
						WHEN.format(solicitation.getDeadline().atZone(TimeConfiguration.ZONE))),
				"/reporting/solicitations/" + solicitation.getId(), SOLICITATION_OFFSETS);
	}

	void solicitationDelivered(long solicitationId) {
		deadlines.complete(solicitationKey(solicitationId));
	}

	// ---- same-day items ------------------------------------------------------------------------

	/**
	 * Declares, updates or completes the same-day deadline of the item as it stands now: open while the item is
	 * time-critical and not yet submitted; owners follow the current step.
	 */
	void itemChanged(InformationItem item) {
		String key = urgentKey(item.getId());
		if (!item.isUrgent() || item.getFirstSubmittedAt() != null || item.getDueAt() == null) {
			deadlines.complete(key);
			return;
		}
		Set<Long> owners = new LinkedHashSet<>();
		if (item.getDrafterUserId() != null) {
			owners.add(item.getDrafterUserId());
		}
		processes.findByDocumentTypeAndDocumentId(InformationItem.DOCUMENT_TYPE, item.getId())
			.filter(ReviewProcess::isInReview)
			.ifPresent(process -> owners.addAll(currentReviewers(process, item.getDrafterUserId(), authorsOf(item))));
		for (UserAccount office : accounts.enabledHolders(Role.OFFICE_EDITOR)) {
			owners.add(office.getId());
		}
		deadlines.register(key, owners, item.getDueAt(), NotificationType.URGENT_REPORT_DUE,
				texts.get("reporting.notify.urgent", item.getTitle(), InformationItems.dueText(item)),
				"/reporting/items/" + item.getId(), URGENT_OFFSETS);
	}

	void itemDiscarded(long itemId) {
		deadlines.complete(urgentKey(itemId));
	}

	// ---- review steps --------------------------------------------------------------------------

	/** The document reached a step (submitted, or approved one level below): its reviewers are told. */
	void stepReached(ReviewProcess process, ReviewSubject subject, String link) {
		if (!process.isInReview()) {
			reviewEnded(process);
			return;
		}
		Set<Long> reviewers = currentReviewers(process, subject.drafterUserId(), subject.authorPersonIds());
		if (reviewers.isEmpty()) {
			reviewEnded(process);
			return;
		}
		// a step left waiting longer than reviewWaitingAfter reminds its reviewers once; the next step re-arms it
		deadlines.register(reviewKey(process.getId()), reviewers, Instant.now(clock).plus(reviewWaitingAfter),
				NotificationType.REVIEW_WAITING,
				texts.get("reporting.notify.reviewWaiting", subject.title(),
						texts.label("reporting.chain.role.", process.currentRole()), reviewWaitingAfter.toHours()),
				link, List.of(Duration.ZERO));
		notifications.notifyAll(reviewers, NotificationType.REVIEW_WAITING,
				texts.get("reporting.notify.review", subject.title()),
				texts.get("reporting.notify.review.body", texts.label("reporting.chain.role.", process.currentRole()),
						process.getRound()),
				link);
	}

	/** The review round ended (signed off or returned): no more reminders about a waiting step. */
	void reviewEnded(ReviewProcess process) {
		if (process.getId() != null) {
			deadlines.complete(reviewKey(process.getId()));
		}
	}

	// ---- leader instructions (批示) -------------------------------------------------------------

	/**
	 * An instruction that calls for feedback (批示反馈) by a day: the office editors and the drafter are reminded
	 * a day before and on the day (the end of the day, Asia/Shanghai); completed when the feedback is recorded.
	 */
	void instructionRecorded(LeaderInstruction instruction, InformationItem item) {
		if (instruction.getFeedbackDue() == null || instruction.getFeedbackOn() != null) {
			return;
		}
		Set<Long> owners = new LinkedHashSet<>();
		if (item.getDrafterUserId() != null) {
			owners.add(item.getDrafterUserId());
		}
		for (UserAccount office : accounts.enabledHolders(Role.OFFICE_EDITOR)) {
			owners.add(office.getId());
		}
		Instant due = instruction.getFeedbackDue().plusDays(1).atStartOfDay(TimeConfiguration.ZONE).toInstant()
			.minusSeconds(1);
		deadlines.register(instructionKey(instruction.getId()), owners, due, NotificationType.SYSTEM,
				texts.get("reporting.notify.feedbackDue", item.getTitle(), instruction.getLeader(),
						instruction.getFeedbackDue()),
				"/reporting/items/" + item.getId(), INSTRUCTION_OFFSETS);
	}

	void feedbackRecorded(long instructionId) {
		deadlines.complete(instructionKey(instructionId));
	}

	/**
	 * The accounts that may act at the current step: the role, for heads the item's unit, for leaders in charge
	 * a unit they are in charge of; never the drafter or an author; never who approved an earlier step of this
	 * round (the same rules as {@code ReviewChains}).
	 */
	Set<Long> currentReviewers(ReviewProcess process, Long drafterUserId, Set<Long> authorPersonIds) {
		ReviewRole role = process.currentRole();
		Set<Long> result = new LinkedHashSet<>();
		if (role == null) {
			return result;
		}
		Set<Long> approvedThisRound = new java.util.HashSet<>();
		for (ReviewAction action : actions.findByProcessIdAndRoundOrderByIdAsc(process.getId(), process.getRound())) {
			if (action.getAction() == ReviewAction.Kind.APPROVED && action.getActorUserId() != null) {
				approvedThisRound.add(action.getActorUserId());
			}
		}
		for (UserAccount account : accounts.enabledHolders(Role.valueOf(role.name()))) {
			if (account.getId().equals(drafterUserId) || approvedThisRound.contains(account.getId())
					|| (account.getPersonId() != null && authorPersonIds.contains(account.getPersonId()))) {
				continue;
			}
			Long unitId = process.getUnitId();
			boolean holds = switch (role) {
				case UNIT_HEAD -> unitId != null && unitId.equals(unitOf(account));
				case LEADER_IN_CHARGE -> account.getPersonId() != null
						&& organization.unitsInChargeOf(account.getPersonId()).contains(unitId);
				case OFFICE_EDITOR, BUREAU_LEADER -> true;
			};
			if (holds) {
				result.add(account.getId());
			}
		}
		return result;
	}

	private Set<Long> authorsOf(InformationItem item) {
		Set<Long> authors = new java.util.HashSet<>();
		item.getAuthors().forEach(author -> authors.add(author.getPersonId()));
		if (item.getDrafterPersonId() != null) {
			authors.add(item.getDrafterPersonId());
		}
		return authors;
	}

	private Long unitOf(UserAccount account) {
		return account.getPersonId() == null ? null
				: organization.person(account.getPersonId()).map(Person::getUnitId).orElse(null);
	}

}
