package io.infodesk.reporting.internal;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Chinese text from messages_zh_CN.properties for audit summaries and notices written by the services. */
@Component
public class Texts {

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	private final MessageSource messages;

	Texts(MessageSource messages) {
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
