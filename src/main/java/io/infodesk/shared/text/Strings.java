package io.infodesk.shared.text;

/** Small text rules every module's forms share. */
public final class Strings {

	private Strings() {
	}

	/** Null for null or blank input, else the value without leading and trailing white space. */
	public static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
