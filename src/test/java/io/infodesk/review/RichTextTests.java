package io.infodesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bodies are sanitized on save (S3.1-b, issue 3 point 1): nothing runs, nothing loads from elsewhere. */
class RichTextTests {

	@Test
	void removesScriptsAndEventHandlers() {
		String clean = RichText.sanitize("<p onclick=\"steal()\">正文<script>alert(1)</script></p>"
				+ "<img src=\"/reporting/attachments/1\" onerror=\"alert(2)\"><a href=\"javascript:alert(3)\">链接</a>");
		assertThat(clean).doesNotContain("script", "onclick", "onerror", "alert", "javascript");
		assertThat(clean).contains("<p>正文</p>", "<img src=\"/reporting/attachments/1\">");
	}

	@Test
	void removesExternalAndInlineImagesButKeepsOwnImages() {
		String clean = RichText.sanitize("<p>图</p><img src=\"http://evil.example/x.png\"><img src=\"//evil.example/y.png\">"
				+ "<img src=\"data:image/png;base64,AAAA\"><img src=\"/reporting/attachments/2\" alt=\"现场\">");
		assertThat(clean).doesNotContain("evil.example", "data:");
		assertThat(clean).contains("/reporting/attachments/2");
	}

	@Test
	void keepsOnlyImagesOfTheFileStoreNotOtherLocalPathsNorControlCharacterTricks() {
		String clean = RichText.sanitize("<img src=\"/reporting/items/export?keyword=x\">"
				+ "<img src=\"/assessment/recompute?from=2026-01-01&amp;to=2026-12-31\">"
				+ "<img src=\"/&#9;/evil.example/x\"><img src=\"/\\evil.example/x\">"
				+ "<img src=\"/reporting/attachments/7?download=1\"><img src=\"/reporting/attachments/../items/export\">"
				+ "<img src=\" /reporting/attachments/8\"><img src=\"/reporting/attachments/9\">");
		assertThat(clean).doesNotContain("export", "recompute", "evil", "/7", "/8");
		assertThat(clean).isEqualTo("<img src=\"/reporting/attachments/9\">");
	}

	@Test
	void removesStylesAndFramesButKeepsFormattingAndSafeLinks() {
		String clean = RichText.sanitize("<p style=\"color:red\"><strong>加粗</strong><em>斜体</em></p>"
				+ "<iframe src=\"https://x\"></iframe><ul><li>一</li></ul><a href=\"https://www.gov.cn\">政府网</a>");
		assertThat(clean).doesNotContain("style", "iframe");
		assertThat(clean).contains("<strong>加粗</strong>", "<em>斜体</em>", "<li>一</li>",
				"href=\"https://www.gov.cn\"", "rel=\"noopener noreferrer nofollow\"");
	}

	@Test
	void plainTextBecomesEscapedParagraphs() {
		assertThat(RichText.sanitize("第一段 a<b\n\n  第二段  \r\n第三段"))
			.isEqualTo("<p>第一段 a&lt;b</p><p>第二段</p><p>第三段</p>");
	}

	@Test
	void plainTextOfHtmlHasOneLinePerBlock() {
		assertThat(RichText.plainText("<p>第一段<br>换行</p><ul><li>甲</li><li>乙</li></ul><p> </p><p>末段</p>"))
			.isEqualTo("第一段\n换行\n甲\n乙\n末段");
	}

	@Test
	void onlyMarkupIsNoText() {
		assertThat(RichText.plainText(RichText.sanitize("<script>alert(1)</script><img src=\"http://x/y.png\">")))
			.isEmpty();
	}

}
