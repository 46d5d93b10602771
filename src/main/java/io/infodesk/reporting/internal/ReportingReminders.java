package io.infodesk.reporting.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.infodesk.account.Accounts;
import io.infodesk.account.Role;
import io.infodesk.account.UserAccount;
import io.infodesk.notification.Deadlines;
import io.infodesk.notification.NotificationType;
import io.infodesk.notification.Notifications;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.InformationItems;
import io.infodesk.reporting.outcome.LeaderInstruction;
import io.infodesk.reporting.solicitation.Solicitation;
import io.infodesk.reporting.solicitation.SolicitationOwner;
import io.infodesk.review.ReviewChains;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.DateFormats;
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
 * <li>Review steps: declared by the review module (its {@code ReviewReminders}).</li>
 * <li>Leader instructions with a feedback day (批示反馈): key {@code reporting:instruction:<id>}, the drafter
 * and the office editors, reminded a day before and at the end of the day; completed by the feedback.</li>
 * </ul>
 */
@Component
public class ReportingReminders {

	static final List<Duration> SOLICITATION_OFFSETS = List.of(Duration.ofHours(24), Duration.ZERO,
			Duration.ofHours(-24));

	static final List<Duration> URGENT_OFFSETS = List.of(Duration.ofHours(2));

	static final List<Duration> INSTRUCTION_OFFSETS = List.of(Duration.ofHours(24), Duration.ZERO);

	private static final DateTimeFormatter WHEN = DateFormats.MINUTES;

	private final Deadlines deadlines;

	private final Notifications notifications;

	private final Accounts accounts;

	private final Organization organization;

	private final ReviewChains reviewChains;

	private final Texts texts;

	private final Clock clock;

	ReportingReminders(Deadlines deadlines, Notifications notifications, Accounts accounts, Organization organization,
			ReviewChains reviewChains, Texts texts, Clock clock) {
		this.clock = clock;
		this.deadlines = deadlines;
		this.notifications = notifications;
		this.accounts = accounts;
		this.organization = organization;
		this.reviewChains = reviewChains;
		this.texts = texts;
	}

	static String solicitationKey(long id) {
		return "reporting:solicitation:" + id;
	}

	static String instructionKey(long instructionId) {
		return "reporting:instruction:" + instructionId;
	}

	static String urgentKey(long itemId) {
		return "reporting:urgent:" + itemId;
	}

	// ---- solicitations -------------------------------------------------------------------------

	/** Registered or changed: (re)declares its deadline, unless it is already delivered. */
	public void solicitationChanged(Solicitation solicitation) {
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

	public void solicitationDelivered(long solicitationId) {
		deadlines.complete(solicitationKey(solicitationId));
	}

	// ---- same-day items ------------------------------------------------------------------------

	/**
	 * Declares, updates or completes the same-day deadline of the item as it stands now: open while the item is
	 * time-critical and not yet submitted; owners follow the current step.
	 */
	public void itemChanged(InformationItem item) {
		String key = urgentKey(item.getId());
		if (!item.isUrgent() || item.getFirstSubmittedAt() != null || item.getDueAt() == null) {
			deadlines.complete(key);
			return;
		}
		Set<Long> owners = new LinkedHashSet<>();
		if (item.getDrafterUserId() != null) {
			owners.add(item.getDrafterUserId());
		}
		owners.addAll(reviewChains.currentReviewers(InformationItem.ref(item.getId()), item.getDrafterUserId(),
				authorsOf(item)));
		for (UserAccount office : accounts.enabledHolders(Role.OFFICE_EDITOR)) {
			owners.add(office.getId());
		}
		deadlines.register(key, owners, item.getDueAt(), NotificationType.URGENT_REPORT_DUE,
				texts.get("reporting.notify.urgent", item.getTitle(), InformationItems.dueText(item)),
				"/reporting/items/" + item.getId(), URGENT_OFFSETS);
	}

	public void itemDiscarded(long itemId) {
		deadlines.complete(urgentKey(itemId));
	}

	// ---- leader instructions (批示) -------------------------------------------------------------

	/**
	 * An instruction that calls for feedback (批示反馈) by a day: the office editors and the drafter are reminded
	 * a day before and on the day (the end of the day, Asia/Shanghai); completed when the feedback is recorded.
	 */
	public void instructionRecorded(LeaderInstruction instruction, InformationItem item) {
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

	public void feedbackRecorded(long instructionId) {
		deadlines.complete(instructionKey(instructionId));
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
