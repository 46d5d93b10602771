package io.infodesk.notification.internal;

import org.springframework.web.util.HtmlUtils;

import io.infodesk.notification.NotificationType;

/**
 * What is sent out for a notification. Title and body are the notification's own text; {@link #text} is the plain
 * text for robots (HTML-escaped, so that markup in a notification is never interpreted by a chat client) and
 * {@link #html} the HTML body of an e-mail (escaped).
 */
public record OutgoingMessage(NotificationType type, String typeLabel, String title, String body, String link,
		String linkLabel) {

	public String text() {
		StringBuilder text = new StringBuilder("【").append(typeLabel).append("】").append(title);
		if (body != null && !body.isBlank()) {
			text.append('\n').append(body);
		}
		if (link != null) {
			text.append('\n').append(link);
		}
		return HtmlUtils.htmlEscape(text.toString(), "UTF-8");
	}

	public String plainText() {
		StringBuilder text = new StringBuilder(title);
		if (body != null && !body.isBlank()) {
			text.append("\n\n").append(body);
		}
		if (link != null) {
			text.append("\n\n").append(linkLabel).append(": ").append(link);
		}
		return text.toString();
	}

	public String html() {
		StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"></head><body>");
		html.append("<p><strong>【").append(escape(typeLabel)).append("】").append(escape(title)).append("</strong></p>");
		if (body != null && !body.isBlank()) {
			html.append("<p>").append(escape(body).replace("\n", "<br>")).append("</p>");
		}
		if (link != null) {
			html.append("<p><a href=\"").append(escape(link)).append("\">").append(escape(linkLabel)).append("</a></p>");
		}
		return html.append("</body></html>").toString();
	}

	private static String escape(String value) {
		return HtmlUtils.htmlEscape(value, "UTF-8");
	}

}
