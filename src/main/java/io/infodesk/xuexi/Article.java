package io.infodesk.xuexi;

import java.time.LocalDate;
import java.util.List;

import io.infodesk.review.DocumentRef;

/**
 * An article supplied to the platform (组稿、投稿, S3.4-d): drafted by a unit, signed off through the review chain,
 * submitted (date, channel) and adopted by one or more levels.
 */
public record Article(long id, long unitId, String unitName, String title, String body, int photos,
		PlatformLevel targetLevel, Status status, Long drafterUserId, Long drafterPersonId, int revision,
		LocalDate submittedOn, String channel, List<Author> authors, List<Adoption> adoptions) {

	public static final String DOCUMENT_TYPE = "XUEXI_ARTICLE";

	/** DRAFT → IN_REVIEW → (RETURNED → IN_REVIEW …) → SIGNED_OFF → SUBMITTED → ADOPTED. Labels {@code xuexi.article.status.<NAME>}. */
	public enum Status {

		DRAFT, IN_REVIEW, RETURNED, SIGNED_OFF, SUBMITTED, ADOPTED;

		public boolean editable() {
			return this == DRAFT || this == RETURNED;
		}

	}

	public record Author(long personId, String name) {

	}

	public record Adoption(long id, PlatformLevel level, LocalDate on, String link) {

	}

	public static DocumentRef ref(long id) {
		return new DocumentRef(DOCUMENT_TYPE, id);
	}

	public DocumentRef ref() {
		return ref(id);
	}

	/** The length of the body in characters, white space left out (the guidance asks for 500–800). */
	public int length() {
		return (int) body.codePoints().filter(c -> !Character.isWhitespace(c)).count();
	}

	public String authorNames() {
		return String.join("、", authors.stream().map(Author::name).toList());
	}

	public boolean adoptedAt(PlatformLevel level) {
		return adoptions.stream().anyMatch(a -> a.level() == level);
	}

}
