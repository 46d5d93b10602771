package io.infodesk.review;

import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeVisitor;

/**
 * The body of a document as stored: HTML cleaned with a jsoup {@link Safelist} on every save — text
 * formatting, lists, tables, links to web pages and images of this system's file store only. No script, no event
 * handler, no style, no external or inline ({@code data:}) image: an item travels through many
 * reviewers' browsers and must not load anything from elsewhere. Plain text typed without tags becomes
 * paragraphs.
 */
public final class RichText {

	private static final Safelist SAFELIST = new Safelist()
		.addTags("p", "br", "b", "strong", "i", "em", "u", "s", "sub", "sup", "ul", "ol", "li", "blockquote", "h3",
				"h4", "h5", "table", "thead", "tbody", "tr", "th", "td", "span", "div", "img", "a")
		.addAttributes("a", "href", "title")
		.addProtocols("a", "href", "http", "https", "mailto")
		.addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow")
		.addAttributes("img", "src", "alt", "title", "width", "height")
		.addAttributes("td", "colspan", "rowspan")
		.addAttributes("th", "colspan", "rowspan");

	/**
	 * An image of InfoDesk's own file store, and nothing else: {@code /reporting/attachments/<id>}, without a query. Any
	 * other local path would make every reader's browser fire it (an export, a recomputation), and a path with a
	 * control character ({@code /&#9;/evil.example/x}) is read by browsers as {@code //evil.example/x}.
	 */
	private static final Pattern OWN_IMAGE = Pattern.compile("^/reporting/attachments/[0-9]{1,18}$");

	private static final Pattern HAS_TAG = Pattern.compile("<\\s*/?\\s*[a-zA-Z][^>]*>");

	private RichText() {
	}

	/** The HTML to store for what a user entered (HTML or plain text). */
	public static String sanitize(String input) {
		if (input == null || input.isBlank()) {
			return "";
		}
		String html = HAS_TAG.matcher(input).find() ? input : paragraphs(input);
		Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
		String clean = Jsoup.clean(html, "", SAFELIST, output);
		Document document = Jsoup.parseBodyFragment(clean);
		document.outputSettings(output);
		for (Element image : document.select("img")) {
			if (!OWN_IMAGE.matcher(image.attr("src")).matches()) {
				image.remove();
			}
		}
		return document.body().html().strip();
	}

	/** Plain text typed in a text area: each non-empty line a paragraph. */
	static String paragraphs(String text) {
		StringBuilder html = new StringBuilder();
		for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
			if (!line.isBlank()) {
				html.append("<p>").append(Entities.escape(line.strip())).append("</p>");
			}
		}
		return html.toString();
	}

	/** The text of stored HTML, one line per paragraph, list item, heading or table row. */
	public static String plainText(String html) {
		if (html == null || html.isBlank()) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		Jsoup.parseBodyFragment(html).body().traverse(new NodeVisitor() {

			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode textNode) {
					text.append(textNode.text());
				}
				else if (node instanceof Element element && element.normalName().equals("br")) {
					text.append('\n');
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element element && element.isBlock() && !element.normalName().equals("body")) {
					text.append('\n');
				}
			}

		});
		StringBuilder result = new StringBuilder();
		for (String line : text.toString().split("\n")) {
			String stripped = line.strip();
			if (!stripped.isEmpty()) {
				if (!result.isEmpty()) {
					result.append('\n');
				}
				result.append(stripped);
			}
		}
		return result.toString();
	}

}
