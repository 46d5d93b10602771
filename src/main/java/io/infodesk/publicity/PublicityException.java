package io.infodesk.publicity;

import java.util.Optional;

import io.infodesk.shared.web.BusinessException;

/** A rule of publicity refused a request (bad input, an unknown outlet …): a message key and, if any, the field. */
public class PublicityException extends BusinessException {

	private final String field;

	public PublicityException(String field, String messageKey, Object... args) {
		super(messageKey, args);
		this.field = field;
	}

	public static PublicityException of(String messageKey, Object... args) {
		return new PublicityException(null, messageKey, args);
	}

	public Optional<String> field() {
		return Optional.ofNullable(field);
	}

}
