package io.infodesk.xuexi;

import io.infodesk.shared.web.BusinessException;

/** A refused action on articles, quotas or activities, with the field it concerns (or none) and the Chinese reason. */
public class XuexiException extends BusinessException {

	public XuexiException(String field, String messageKey, Object... args) {
		super(field, messageKey, args);
	}

	public static XuexiException of(String messageKey, Object... args) {
		return new XuexiException(null, messageKey, args);
	}

}
