package io.infodesk.shared.web;

/**
 * For the REST API: the record does not exist or lies outside the caller's data scope. Answered 404 for both by
 * {@link ApiProblemHandler}, so that ids of other units' records cannot be probed (docs/api.md).
 */
public class ApiNotFound extends RuntimeException {

	public ApiNotFound() {
		super("not found or outside the data scope");
	}

}
