package io.infodesk.organization;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The unit, person, assignment or designation asked for does not exist (shown as the 404 page). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class RecordNotFound extends RuntimeException {

	public RecordNotFound(String what, long id) {
		super(what + " " + id + " not found");
	}

}
