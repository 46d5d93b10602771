package io.infodesk.monitoring.internal;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns a fetched feed (RSS or Atom, ROME; doctypes refused) or list page (jsoup: the item selector picks each
 * entry, its first link gives address and headline, optional selectors pick date and summary inside the entry)
 * into incoming items. Malformed input is an exception for the caller to log against the source.
 */
public final class SourceParser {

	private static final Pattern DATE = Pattern.compile("(20\\d{2})[-/.年](\\d{1,2})[-/.月](\\d{1,2})");

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private SourceParser() {
	}

	public static List<Items.Incoming> feed(String xml) throws Exception {
		SyndFeedInput input = new SyndFeedInput();
		input.setAllowDoctypes(false);
		SyndFeed feed = input.build(new StringReader(stripBom(xml)));
		List<Items.Incoming> items = new ArrayList<>();
		for (SyndEntry entry : feed.getEntries()) {
			String body = "";
			if (entry.getDescription() != null) {
				body = text(entry.getDescription().getValue());
			}
			if (body.isBlank() && entry.getContents() != null) {
				StringBuilder all = new StringBuilder();
				for (SyndContent content : entry.getContents()) {
					all.append(text(content.getValue())).append('\n');
				}
				body = all.toString();
			}
			java.util.Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
			String link = entry.getLink() != null ? entry.getLink() : entry.getUri();
			items.add(new Items.Incoming(link, text(entry.getTitle()), body, date == null ? null : date.toInstant()));
		}
		return items;
	}

	public static List<Items.Incoming> listPage(String html, String baseUri, String itemSelector, String dateSelector,
			String summarySelector) {
		Document document = Jsoup.parse(html, baseUri);
		List<Items.Incoming> items = new ArrayList<>();
		for (Element entry : document.select(itemSelector)) {
			Element link = entry.is("a[href]") ? entry : entry.selectFirst("a[href]");
			if (link == null) {
				continue;
			}
			String url = link.absUrl("href");
			String title = link.hasAttr("title") && !link.attr("title").isBlank() ? link.attr("title") : link.text();
			String summary = summarySelector == null || summarySelector.isBlank() ? ""
					: entry.select(summarySelector).text();
			String dateText = dateSelector == null || dateSelector.isBlank() ? entry.text() : entry.select(dateSelector).text();
			items.add(new Items.Incoming(url, title, summary, date(dateText)));
		}
		return items;
	}

	static Instant date(String text) {
		Matcher m = DATE.matcher(text == null ? "" : text);
		if (!m.find()) {
			return null;
		}
		try {
			return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
				.atTime(8, 0).atZone(ZONE).toInstant();
		}
		catch (java.time.DateTimeException invalid) {
			return null;
		}
	}

	private static String text(String html) {
		return html == null ? "" : Jsoup.parse(html).text();
	}

	private static String stripBom(String text) {
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

}
