package io.infodesk.xuexi;

import io.infodesk.shared.web.BusinessException;

/** A platform report was refused as a whole (type, size, header, damaged content); nothing was imported. */
public class ImportRefused extends BusinessException {

	public ImportRefused(String messageKey, Object... args) {
		super(messageKey, args);
	}

}
