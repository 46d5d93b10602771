package io.infodesk.xuexi;

import java.time.LocalDate;
import java.util.List;

/**
 * An article was adopted by a level of the platform (S3.4-d): assessment scores {@code XUEXI_ARTICLE:<level>} to the
 * unit and, in equal shares, the authors, on the day of adoption. One per article and level.
 */
public record ArticleAdopted(long adoptionId, long articleId, PlatformLevel level, LocalDate on, long unitId,
		List<Long> authorPersonIds, String title) {

	public ArticleAdopted {
		authorPersonIds = List.copyOf(authorPersonIds);
	}

}
