package io.infodesk.reporting.bulletin;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import io.infodesk.reporting.ReportingException;
import io.infodesk.reporting.bulletin.internal.BulletinRepository;
import io.infodesk.review.DocumentRef;
import io.infodesk.review.ReviewChains;
import io.infodesk.review.ReviewProgress;
import io.infodesk.review.ReviewRole;
import io.infodesk.review.ReviewSubject;
import io.infodesk.review.ReviewTrack;
import io.infodesk.review.ReviewableDocuments;
import io.infodesk.shared.security.AuthenticatedUser;

/**
 * Bulletins in the review chain. The office compiles the issue (it is the drafter and never reviews it), the
 * default chain is one step, 局主要领导审签 (BUREAU_LEADER): a bulletin goes out in the bureau's name to 区委办,
 * 区政府办 and the city bureau, so the head of the bureau signs it; a bureau with several office editors may put
 * 办公室编辑 before it (a second editor's check) or 分管领导审签 instead, through {@link ReviewChains#configure}. The
 * bulletin's status follows its review.
 */
@Component
class BulletinReviews implements ReviewableDocuments {

	static final List<ReviewRole> DEFAULT = List.of(ReviewRole.BUREAU_LEADER);

	private final BulletinRepository bulletins;

	private final Bulletins service;

	BulletinReviews(BulletinRepository bulletins, @Lazy Bulletins service) {
		this.bulletins = bulletins;
		this.service = service;
	}

	@Override
	public boolean chainPerUnit() {
		return false;
	}

	@Override
	public String type() {
		return Bulletin.DOCUMENT_TYPE;
	}

	@Override
	public ReviewSubject subject(long documentId) {
		Bulletin bulletin = bulletins.findById(documentId)
			.orElseThrow(() -> ReportingException.of("reporting.bulletin.notFound", documentId));
		String title = (service.label(bulletin) + " " + Bulletins.heading(bulletin)).strip();
		return new ReviewSubject(Bulletin.ref(documentId), title, bulletin.getUnitId(),
				bulletin.getDrafterUserId(),
				bulletin.getDrafterPersonId() == null ? Set.of() : Set.of(bulletin.getDrafterPersonId()),
				bulletin.getRevision());
	}

	@Override
	public void reviewChanged(long documentId, ReviewProgress progress, AuthenticatedUser actor) {
		service.reviewChanged(documentId, progress);
	}

	@Override
	public String link(long documentId) {
		return "/reporting/bulletins/" + documentId;
	}

	@Override
	public List<ReviewRole> defaultSteps(ReviewTrack track) {
		return DEFAULT;
	}

}
