package io.infodesk.shared.excel;

import io.infodesk.shared.web.BusinessException;

/** An uploaded spreadsheet cannot be read as an import: too large, empty, not XLSX, wrong header. */
public class ExcelImportException extends BusinessException {

	public ExcelImportException(String messageKey, Object... args) {
		super(messageKey, args);
	}

}
