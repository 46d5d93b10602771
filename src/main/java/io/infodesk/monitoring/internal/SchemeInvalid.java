package io.infodesk.monitoring.internal;

import io.infodesk.shared.web.BusinessException;

/** A scheme refused before anything is saved; the message key names the rule in Chinese. */
public class SchemeInvalid extends BusinessException {

	public SchemeInvalid(String key, Object... args) {
		super(key, args);
	}

}
