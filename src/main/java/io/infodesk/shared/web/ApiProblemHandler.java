package io.infodesk.shared.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ConstraintViolationException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.ApiValidation.FieldError;
import io.infodesk.shared.web.ApiValidation.InvalidInput;

/**
 * The REST API's errors as RFC 9457 problem details ({@code application/problem+json}) with Chinese titles and
 * details, for the API controllers of every module (all {@code @RestController}s are under {@code /api}) — the one
 * place that writes them: bad input 400 with {@code errors: [{field, message}]} ({@link ApiValidation}, bean
 * validation, a rule about one field, a bad parameter or JSON value), a refused permission 403, an unknown record or
 * one outside the data scope 404 ({@link ApiNotFound}, or a {@code *.notFound} rule), another refused rule or a
 * concurrent change 409. Nothing is changed in any of these cases.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiProblemHandler {

	private final Texts texts;

	ApiProblemHandler(Texts texts) {
		this.texts = texts;
	}

	@ExceptionHandler(InvalidInput.class)
	ResponseEntity<ProblemDetail> onInvalidInput(InvalidInput invalid) {
		return badRequest(invalid.errors(), "");
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> onConstraintViolation(ConstraintViolationException invalid) {
		List<FieldError> errors = invalid.getConstraintViolations()
			.stream()
			.map(violation -> new FieldError(lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
			.toList();
		return badRequest(errors, "");
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return dot < 0 ? path : path.substring(dot + 1);
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
		String message = texts.get(refused.messageKey(), refused.args());
		if (refused.field().isPresent()) {
			return badRequest(List.of(new FieldError(refused.field().get(), message)), message);
		}
		return problem(HttpStatus.CONFLICT, "api.problem.title.conflict", message, null);
	}

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> onConcurrentChange(ObjectOptimisticLockingFailureException concurrent) {
		return problem(HttpStatus.CONFLICT, "api.problem.title.conflict", texts.get("api.problem.concurrentChange"),
				null);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> onDenied(AccessDeniedException denied) {
		return problem(HttpStatus.FORBIDDEN, "api.problem.title.forbidden", texts.get("api.problem.forbidden"), null);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> onBadParameter(MethodArgumentTypeMismatchException mismatch) {
		String message = texts.get("api.problem.badParameter", mismatch.getName());
		return badRequest(List.of(new FieldError(mismatch.getName(), message)), message);
	}

	@ExceptionHandler(org.springframework.validation.BindException.class)
	ResponseEntity<ProblemDetail> onBadQuery(org.springframework.validation.BindException invalid) {
		List<FieldError> errors = invalid.getFieldErrors()
			.stream()
			.map(error -> new FieldError(error.getField(), texts.get("api.problem.badParameter", error.getField())))
			.toList();
		return badRequest(errors, texts.get("api.problem.badParameters"));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> onUnreadable(HttpMessageNotReadableException unreadable) {
		if (unreadable.getCause() instanceof tools.jackson.core.JacksonException json && !json.getPath().isEmpty()) {
			String field = json.getPath()
				.stream()
				.map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
						: String.valueOf(reference.getIndex()))
				.reduce((a, b) -> a + "." + b)
				.orElse("");
			String message = texts.get("api.problem.badField", field);
			return badRequest(List.of(new FieldError(field, message)), message);
		}
		return problem(HttpStatus.BAD_REQUEST, "api.problem.title.badRequest", texts.get("api.problem.notJson"), null);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> onMediaType(HttpMediaTypeNotSupportedException unsupported) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "api.problem.title.unsupported",
				texts.get("api.problem.jsonOnly"), null);
	}

	/** 400 with the field errors; the detail joins their messages (or is {@code none} when there are none). */
	private ResponseEntity<ProblemDetail> badRequest(List<FieldError> errors, String none) {
		return problem(HttpStatus.BAD_REQUEST, "api.problem.title.badRequest",
				errors.stream().map(FieldError::message).reduce((a, b) -> a + "；" + b).orElse(none), errors);
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, String titleKey, String detail,
			List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(texts.get(titleKey));
		problem.setType(URI.create("about:blank"));
		if (errors != null && !errors.isEmpty()) {
			problem.setProperty("errors", new ArrayList<>(errors));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
