package io.infodesk.xuexi;

import java.util.ArrayList;
import java.util.List;

/** What the drafter enters for an article: unit, title, text, number of photos, the level aimed at, the authors. */
public record ArticleForm(Long unitId, String title, String body, Integer photos, PlatformLevel targetLevel,
		List<Long> authorIds) {

	public ArticleForm {
		authorIds = authorIds == null ? new ArrayList<>() : new ArrayList<>(authorIds);
	}

}
