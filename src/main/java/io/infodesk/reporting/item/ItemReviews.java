package io.infodesk.reporting.item;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.infodesk.reporting.ReportingException;
import io.infodesk.reporting.internal.ReportingReminders;
import io.infodesk.reporting.item.internal.InformationItemRepository;
import io.infodesk.review.DocumentRef;
import io.infodesk.review.ReviewChains;
import io.infodesk.review.ReviewProgress;
import io.infodesk.review.ReviewRole;
import io.infodesk.review.ReviewSubject;
import io.infodesk.review.ReviewTrack;
import io.infodesk.review.ReviewableDocuments;
import io.infodesk.shared.security.AuthenticatedUser;

/**
 * Information items in the review chain: the default chains (科室负责人审核 → 办公室编辑 → 分管领导审签; for
 * same-day items 科室负责人审核 → 分管领导审签) and the item's status following its review.
 */
@Component
class ItemReviews implements ReviewableDocuments {

	static final List<ReviewRole> NORMAL = List.of(ReviewRole.UNIT_HEAD, ReviewRole.OFFICE_EDITOR,
			ReviewRole.LEADER_IN_CHARGE);

	static final List<ReviewRole> URGENT = List.of(ReviewRole.UNIT_HEAD, ReviewRole.LEADER_IN_CHARGE);

	private final InformationItemRepository items;

	private final ReviewChains reviewChains;

	private final io.infodesk.shared.text.Texts texts;

	private final Clock clock;

	private final ReportingReminders reminders;

	ItemReviews(InformationItemRepository items, ReviewChains reviewChains,
			io.infodesk.shared.text.Texts texts, Clock clock, ReportingReminders reminders) {
		this.reminders = reminders;
		this.items = items;
		this.reviewChains = reviewChains;
		this.texts = texts;
		this.clock = clock;
	}

	@Override
	public String type() {
		return InformationItem.DOCUMENT_TYPE;
	}

	@Override
	public ReviewSubject subject(long documentId) {
		InformationItem item = item(documentId);
		Set<Long> authors = item.getAuthors().stream().map(ItemAuthor::getPersonId).collect(Collectors.toSet());
		if (item.getDrafterPersonId() != null) {
			authors.add(item.getDrafterPersonId());
		}
		return new ReviewSubject(InformationItem.ref(documentId), item.getTitle(), item.getUnitId(),
				item.getDrafterUserId(), Set.copyOf(authors), item.getRevision());
	}

	@Override
	public void reviewChanged(long documentId, ReviewProgress progress, AuthenticatedUser actor) {
		InformationItem item = item(documentId);
		Instant now = Instant.now(clock);
		switch (progress.status()) {
			case IN_REVIEW -> item.changeStatus(ItemStatus.IN_REVIEW, progress.currentRole().name(), now);
			case RETURNED -> item.changeStatus(ItemStatus.RETURNED, null, now);
			case APPROVED -> {
				item.changeStatus(ItemStatus.SIGNED_OFF, null, now);
				if (item.isUrgent()) {
					// the office submits upward: it hears at once that a same-day item is signed off
					reviewChains.notify(ReviewRole.OFFICE_EDITOR.name(), InformationItem.ref(documentId),
							texts.get("reporting.urgent.notice.signedOff", item.getTitle(),
									InformationItems.dueText(item)));
				}
			}
		}
		// the same-day deadline follows the step: its owners are the reviewers who can act now
		reminders.itemChanged(item);
	}

	@Override
	public String link(long documentId) {
		return "/reporting/items/" + documentId;
	}

	@Override
	public List<ReviewRole> defaultSteps(ReviewTrack track) {
		return track == ReviewTrack.URGENT ? URGENT : NORMAL;
	}

	private InformationItem item(long id) {
		return items.findById(id).orElseThrow(() -> ReportingException.of("reporting.item.notFound", id));
	}

}
