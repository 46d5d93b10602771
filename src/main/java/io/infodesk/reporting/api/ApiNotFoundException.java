package io.infodesk.reporting.api;

/**
 * The record does not exist or lies outside the caller's data scope: the API answers 404 for both, so that ids of
 * other units' records cannot be probed.
 */
class ApiNotFoundException extends RuntimeException {

	ApiNotFoundException() {
		super("not found or outside the data scope");
	}

}
