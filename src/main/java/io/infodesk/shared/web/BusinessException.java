package io.infodesk.shared.web;

import java.util.List;
import java.util.Optional;

/**
 * A business rule refused the request. Carries a message key of {@code messages_zh_CN.properties}
 * (and its arguments), never a technical message, so the web layer shows a clear Chinese text.
 * Thrown before anything is written, or inside the transaction so that nothing is saved. When the rule concerns
 * one form field, it names that field, so that the form shows the message under it.
 */
public class BusinessException extends RuntimeException {

	private final String messageKey;

	private final transient Object[] args;

	private final String field;

	public BusinessException(String messageKey, Object... args) {
		this(null, messageKey, args);
	}

	/** A refusal about one form field ({@code field} null: about the whole request). */
	protected BusinessException(String field, String messageKey, Object... args) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
		this.args = args;
	}

	/** The form field the rule concerns, if it concerns one. */
	public Optional<String> field() {
		return Optional.ofNullable(field);
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args;
	}

	/** Several problems found at once, e.g. row errors of an import; each already a Chinese text. */
	public static class Problems extends BusinessException {

		private final List<String> problems;

		public Problems(String messageKey, List<String> problems) {
			super(messageKey, problems.size());
			this.problems = List.copyOf(problems);
		}

		public List<String> problems() {
			return problems;
		}

	}

}
