package io.infodesk.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.infodesk.shared.text.Texts;

/**
 * The REST API's errors as RFC 9457 problem details ({@code application/problem+json}) with Chinese titles and
 * details, for the API controllers of every module (all {@code @RestController}s are under {@code /api}): bad
 * parameters 400 (with {@code errors: [{field, message}]}), a refused permission 403, an unknown record or one
 * outside the data scope 404 ({@link ApiNotFound}, or a {@code *.notFound} rule), another refused rule 409. A module
 * with its own handler (reporting's {@code ApiProblems}, ordered first) keeps it; this one answers what it leaves.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiProblemHandler {

	private final Texts texts;

	ApiProblemHandler(Texts texts) {
		this.texts = texts;
	}

	@ExceptionHandler(ApiNotFound.class)
	ResponseEntity<ProblemDetail> onNotFound(ApiNotFound notFound) {
		return problem(HttpStatus.NOT_FOUND, "api.problem.title.notFound", texts.get("api.problem.notFound"), null);
	}

	@ExceptionHandler(BusinessException.class)
	ResponseEntity<ProblemDetail> onRefused(BusinessException refused) {
		if (refused.messageKey().endsWith(".notFound")) {
			return problem(HttpStatus.NOT_FOUND, "api.problem.title.notFound", texts.get("api.problem.notFound"), null);
		}
		return problem(HttpStatus.CONFLICT, "api.problem.title.conflict", texts.get(refused.messageKey(), refused.args()),
				null);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> onDenied(AccessDeniedException denied) {
		return problem(HttpStatus.FORBIDDEN, "api.problem.title.forbidden", texts.get("api.problem.forbidden"), null);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> onBadParameter(MethodArgumentTypeMismatchException mismatch) {
		String message = texts.get("api.problem.badParameter", mismatch.getName());
		return problem(HttpStatus.BAD_REQUEST, "api.problem.title.badRequest", message,
				List.of(Map.of("field", mismatch.getName(), "message", message)));
	}

	@ExceptionHandler(org.springframework.validation.BindException.class)
	ResponseEntity<ProblemDetail> onBadQuery(org.springframework.validation.BindException invalid) {
		List<Map<String, String>> errors = invalid.getFieldErrors()
			.stream()
			.map(error -> Map.of("field", error.getField(), "message",
					texts.get("api.problem.badParameter", error.getField())))
			.toList();
		return problem(HttpStatus.BAD_REQUEST, "api.problem.title.badRequest", texts.get("api.problem.badParameters"),
				errors);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> onUnreadable(HttpMessageNotReadableException unreadable) {
		return problem(HttpStatus.BAD_REQUEST, "api.problem.title.badRequest", texts.get("api.problem.notJson"), null);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> onMediaType(HttpMediaTypeNotSupportedException unsupported) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "api.problem.title.unsupported",
				texts.get("api.problem.jsonOnly"), null);
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, String titleKey, String detail,
			List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(texts.get(titleKey));
		problem.setType(URI.create("about:blank"));
		if (errors != null && !errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
