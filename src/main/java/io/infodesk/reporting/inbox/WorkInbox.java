package io.infodesk.reporting.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.ItemStatus;
import io.infodesk.reporting.item.internal.InformationItemRepository;
import io.infodesk.reporting.item.internal.ItemSpecs;
import io.infodesk.reporting.outcome.LeaderInstruction;
import io.infodesk.reporting.solicitation.Solicitation;
import io.infodesk.reporting.solicitation.SolicitationStatus;
import io.infodesk.reporting.solicitation.Solicitations;
import io.infodesk.review.DocumentRef;
import io.infodesk.review.InboxNotice;
import io.infodesk.review.ReviewChains;
import io.infodesk.review.ReviewRole;
import io.infodesk.review.ReviewTask;
import io.infodesk.shared.security.AuthenticatedUser;

/**
 * The personal work inbox (待我处理): reviews waiting at a step the user holds, items returned to the user
 * for revision, open solicitations the user answers for (as owner, or head or publicist of a responsible
 * unit; dated by their deadline), and notices left on the desk of the user's role (the office hears of urgent
 * items at once). Time-critical entries come first.
 */
@Service
@Transactional(readOnly = true)
public class WorkInbox {

	/** What kind of work an entry is. Labels: {@code reporting.inbox.kind.<NAME>}. */
	public enum Kind {

		REVIEW, RETURNED, TO_SUBMIT, SOLICITATION, FEEDBACK, NOTICE

	}

	/** One piece of work: what, where to do it, since when, whether time-critical. */
	public record Entry(Kind kind, String title, String link, ReviewRole role, Instant since, boolean urgent,
			Long noticeId, String summary) {

	}

	private final ReviewChains reviewChains;

	private final InformationItemRepository items;

	private final Solicitations solicitations;

	private final io.infodesk.reporting.outcome.internal.LeaderInstructionRepository instructions;

	private final java.time.Clock clock;

	WorkInbox(ReviewChains reviewChains, InformationItemRepository items, Solicitations solicitations,
			io.infodesk.reporting.outcome.internal.LeaderInstructionRepository instructions, java.time.Clock clock) {
		this.reviewChains = reviewChains;
		this.items = items;
		this.solicitations = solicitations;
		this.instructions = instructions;
		this.clock = clock;
	}

	public List<Entry> entries(AuthenticatedUser user) {
		List<Entry> entries = new ArrayList<>();
		for (ReviewTask task : reviewChains.tasksFor(user)) {
			entries.add(new Entry(Kind.REVIEW, task.title(), task.link(), task.role(), task.since(), task.urgent(), null,
					null));
		}
		for (InformationItem item : items.findAll(ItemSpecs.returnedTo(user.userId(), user.personId()))) {
			entries.add(new Entry(Kind.RETURNED, item.getTitle(), "/reporting/items/" + item.getId(), null,
					item.getUpdatedAt(), false, null, null));
		}
		Instant now = Instant.now(clock);
		if (user.can(io.infodesk.shared.security.Permissions.REPORTING_SUBMIT)) {
			// signed off, waiting for the office to submit it upward
			for (InformationItem item : items.findAll((root, query, cb) -> cb.equal(root.get("status"),
					ItemStatus.SIGNED_OFF))) {
				entries.add(new Entry(Kind.TO_SUBMIT, item.getTitle(), "/reporting/items/" + item.getId(), null,
						item.isUrgent() ? item.getDueAt() : item.getUpdatedAt(), item.isUrgent(), null, null));
			}
		}
		java.time.LocalDate today = java.time.LocalDate.now(clock);
		boolean feedbackDesk = user.can(io.infodesk.shared.security.Permissions.REPORTING_ADOPT);
		for (LeaderInstruction instruction : instructions.findByFeedbackDueIsNotNullAndFeedbackOnIsNull()) {
			InformationItem item = items.findById(instruction.getItemId()).orElse(null);
			boolean headOfUnit = item != null && user.hasRole("UNIT_HEAD") && item.getUnitId().equals(user.unitId());
			if (item != null && (feedbackDesk || headOfUnit)) {
				entries.add(new Entry(Kind.FEEDBACK, item.getTitle(), "/reporting/items/" + item.getId() + "#outcomes",
						null, instruction.getFeedbackDue().atStartOfDay(io.infodesk.shared.time.TimeConfiguration.ZONE)
							.toInstant(),
						!instruction.getFeedbackDue().isAfter(today.plusDays(1)), null, null));
			}
		}
		for (Solicitation solicitation : solicitations.awaiting(user)) {
			entries.add(new Entry(Kind.SOLICITATION, solicitation.getTopic(),
					"/reporting/solicitations/" + solicitation.getId(), null, solicitation.getDeadline(),
					solicitation.dueSoonAt(now) || solicitation.statusAt(now) == SolicitationStatus.MISSED, null, null));
		}
		for (InboxNotice notice : reviewChains.noticesFor(user)) {
			entries.add(new Entry(Kind.NOTICE, notice.getSummary(), link(notice.document()), null,
					notice.getCreatedAt(), true, notice.getId(), notice.getSummary()));
		}
		entries.sort(Comparator.comparing(Entry::urgent).reversed().thenComparing(Entry::since));
		return entries;
	}

	public int count(AuthenticatedUser user) {
		return entries(user).size();
	}

	private static String link(DocumentRef document) {
		return InformationItem.DOCUMENT_TYPE.equals(document.type()) ? "/reporting/items/" + document.id() : "/inbox";
	}

}
