package io.infodesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.infodesk.review.TextDiff.Op;
import io.infodesk.review.TextDiff.Segment;

/** The drafter sees what a reviewer changed (S3.1-b): insertions and deletions down to the character. */
class TextDiffTests {

	private static String render(List<Segment> segments) {
		return segments.stream().map(segment -> switch (segment.op()) {
			case EQUAL -> segment.text();
			case INSERT -> "[+" + segment.text() + "]";
			case DELETE -> "[-" + segment.text() + "]";
		}).collect(Collectors.joining());
	}

	@Test
	void sameTextHasNoChange() {
		List<Segment> diff = TextDiff.between("我局召开物业管理工作会议", "我局召开物业管理工作会议");
		assertThat(TextDiff.changed(diff)).isFalse();
		assertThat(render(diff)).isEqualTo("我局召开物业管理工作会议");
	}

	@Test
	void showsChangedCharactersInsideAParagraph() {
		assertThat(render(TextDiff.between("我局召开物业管理工作会议", "区住建局召开全区物业管理工作推进会")))
			.isEqualTo("[-我][+区住建]局召开[+全区]物业管理工作[+推进]会[-议]");
	}

	@Test
	void keepsLatinWordsAndNumbersWhole() {
		assertThat(render(TextDiff.between("完成 120 户", "完成 135 户"))).isEqualTo("完成 [-120][+135] 户");
	}

	@Test
	void showsAddedAndRemovedParagraphs() {
		String render = render(TextDiff.between("第一段\n第二段\n第三段", "第一段\n第三段\n第四段"));
		assertThat(render).isEqualTo("第一段\n[-第二段\n]第三段\n[+第四段]");
	}

	@Test
	void emptyOlderTextIsOneInsertion() {
		List<Segment> diff = TextDiff.between("", "新内容");
		assertThat(diff).containsExactly(new Segment(Op.INSERT, "新内容"));
	}

	@Test
	void veryLongChangedStretchesAreShownWhole() {
		String older = "甲".repeat(2500);
		String newer = "乙".repeat(2500);
		List<Segment> diff = TextDiff.between(older, newer);
		assertThat(diff).extracting(Segment::op).containsExactly(Op.DELETE, Op.INSERT);
	}

}
