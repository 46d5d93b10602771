package io.infodesk.shared.text;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Chinese text from messages_zh_CN.properties for Java code in every module: flash messages, audit
 * summaries, notices, export titles. A missing key comes back as the key itself (visible, never an
 * exception), and the locale is always Simplified Chinese (the UI has no other language).
 */
@Component
public class Texts {

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	private final MessageSource messages;

	public Texts(MessageSource messages) {
		this.messages = messages;
	}

	public String get(String key, Object... args) {
		return messages.getMessage(key, args, key, ZH);
	}

	/** The label of an enum value: {@code prefix} ends with a dot, e.g. {@code "reporting.status."}. */
	public String label(String prefix, Enum<?> value) {
		return value == null ? "" : get(prefix + value.name());
	}

}
