package io.infodesk.shared.files;

import io.infodesk.shared.web.BusinessException;

/** An upload the store does not accept (type, size, damaged or dangerous content); nothing was kept. */
public class FileRefused extends BusinessException {

	public FileRefused(String messageKey, Object... args) {
		super(messageKey, args);
	}

}
