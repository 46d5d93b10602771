package io.infodesk.review.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
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
import io.infodesk.review.ReviewAction;
import io.infodesk.review.ReviewProcess;
import io.infodesk.review.ReviewRole;
import io.infodesk.review.ReviewSubject;
import io.infodesk.shared.text.Texts;

/**
 * Declares the review steps to the notification module (issue 5, point 4), through its public API only: the
 * reviewers who may act at the step a document reaches get a REVIEW_WAITING notification (the work inbox 待我处理
 * keeps its own entries), and a reminder when the step is still waiting after
 * {@code infodesk.reporting.review-reminder-after} (default 24 h); key {@code reporting:review:<process>} (the
 * key keeps its first name so that deadlines declared before the review module existed still complete), re-armed
 * by the next step, completed at sign-off or return. Called inside the transaction of the review action.
 */
@Component
public class ReviewReminders {

	private final Deadlines deadlines;

	private final Notifications notifications;

	private final Accounts accounts;

	private final Organization organization;

	private final ReviewActionRepository actions;

	private final Texts texts;

	private final Clock clock;

	private final Duration reviewWaitingAfter;

	ReviewReminders(Deadlines deadlines, Notifications notifications, Accounts accounts, Organization organization,
			ReviewActionRepository actions, Texts texts, Clock clock,
			@Value("${infodesk.reporting.review-reminder-after:PT24H}") Duration reviewWaitingAfter) {
		this.deadlines = deadlines;
		this.notifications = notifications;
		this.accounts = accounts;
		this.organization = organization;
		this.actions = actions;
		this.texts = texts;
		this.clock = clock;
		this.reviewWaitingAfter = reviewWaitingAfter;
	}

	static String reviewKey(long processId) {
		return "reporting:review:" + processId;
	}

	/** The document reached a step (submitted, or approved one level below): its reviewers are told. */
	public void stepReached(ReviewProcess process, ReviewSubject subject, String link) {
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
	public void reviewEnded(ReviewProcess process) {
		if (process.getId() != null) {
			deadlines.complete(reviewKey(process.getId()));
		}
	}

	/**
	 * The accounts that may act at the current step: the role, for heads the document's unit, for leaders in
	 * charge a unit they are in charge of; never the drafter or an author; never who approved an earlier step of
	 * this round (the same rules as the chain itself).
	 */
	public Set<Long> currentReviewers(ReviewProcess process, Long drafterUserId, Set<Long> authorPersonIds) {
		ReviewRole role = process.currentRole();
		Set<Long> result = new LinkedHashSet<>();
		if (role == null) {
			return result;
		}
		Set<Long> approvedThisRound = new HashSet<>();
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

	private Long unitOf(UserAccount account) {
		return account.getPersonId() == null ? null
				: organization.person(account.getPersonId()).map(Person::getUnitId).orElse(null);
	}

}
