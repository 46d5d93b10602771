package io.infodesk.reporting.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.infodesk.reporting.ReportingException;
import io.infodesk.shared.web.BusinessException;

/**
 * The API's errors as RFC 9457 problem details ({@code application/problem+json}) with Chinese titles and details:
 * bad input 400 (with {@code errors: [{field, message}]}), a refused permission 403, an unknown record or one
 * outside the data scope 404, a transition the item's state does not allow 409 (approving twice, submitting
 * before sign-off, reviewing one's own item…). Nothing is changed in any of these cases.
 */
@RestControllerAdvice(assignableTypes = { ItemApiController.class, SolicitationApiController.class,
		AdoptionApiController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

	/** One field's error. */
	record FieldError(String field, String message) {

	}

	/** Bad input found by bean validation before the service was called. */
	static class InvalidInput extends RuntimeException {

		private final List<FieldError> errors;

		InvalidInput(List<FieldError> errors) {
			super("invalid input");
			this.errors = errors;
		}

	}

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	/** Validates a form with its bean-validation messages (Chinese) and refuses it as a whole. */
	static <T> T valid(Validator validator, T form, Map<String, String> fieldNames) {
		Set<ConstraintViolation<T>> violations = validator.validate(form);
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations.stream()
				.map(violation -> new FieldError(rename(violation.getPropertyPath().toString(), fieldNames),
						violation.getMessage()))
				.sorted(java.util.Comparator.comparing(FieldError::field))
				.toList());
		}
		return form;
	}

	private static String rename(String path, Map<String, String> fieldNames) {
		return fieldNames.getOrDefault(path, path);
	}

	@ExceptionHandler(InvalidInput.class)
	ResponseEntity<ProblemDetail> onInvalidInput(InvalidInput invalid) {
		return problem(HttpStatus.BAD_REQUEST, "请求有误",
				invalid.errors.stream().map(FieldError::message).reduce((a, b) -> a + "；" + b).orElse(""),
				invalid.errors);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> onConstraintViolation(ConstraintViolationException invalid) {
		List<FieldError> errors = invalid.getConstraintViolations()
			.stream()
			.map(violation -> new FieldError(lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
			.toList();
		return problem(HttpStatus.BAD_REQUEST, "请求有误",
				errors.stream().map(FieldError::message).reduce((a, b) -> a + "；" + b).orElse(""), errors);
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return dot < 0 ? path : path.substring(dot + 1);
	}

	@ExceptionHandler(BusinessException.class)
	ResponseEntity<ProblemDetail> onRefused(BusinessException refused) {
		String message = messages.getMessage(refused.messageKey(), refused.args(), refused.messageKey(),
				LocaleContextHolder.getLocale());
		if (refused.messageKey().endsWith(".notFound")) {
			return problem(HttpStatus.NOT_FOUND, "记录不存在", message, null);
		}
		if (refused instanceof ReportingException reporting && reporting.field().isPresent()) {
			return problem(HttpStatus.BAD_REQUEST, "请求有误", message,
					List.of(new FieldError(reporting.field().get(), message)));
		}
		return problem(HttpStatus.CONFLICT, "当前状态不允许此操作", message, null);
	}

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> onConcurrentChange(ObjectOptimisticLockingFailureException concurrent) {
		return problem(HttpStatus.CONFLICT, "当前状态不允许此操作",
				messages.getMessage("reporting.review.stepAlreadyHandled", null, LocaleContextHolder.getLocale()), null);
	}

	@ExceptionHandler(ApiNotFoundException.class)
	ResponseEntity<ProblemDetail> onNotFound(ApiNotFoundException notFound) {
		return problem(HttpStatus.NOT_FOUND, "记录不存在", "记录不存在，或不在您的数据范围内。", null);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> onDenied(AccessDeniedException denied) {
		return problem(HttpStatus.FORBIDDEN, "无权访问", "您没有执行此操作的权限。", null);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> onUnreadable(HttpMessageNotReadableException unreadable) {
		Throwable cause = unreadable.getCause();
		if (cause instanceof tools.jackson.core.JacksonException json && !json.getPath().isEmpty()) {
			String field = json.getPath()
				.stream()
				.map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
						: String.valueOf(reference.getIndex()))
				.reduce((a, b) -> a + "." + b)
				.orElse("");
			String message = "字段「" + field + "」的值无效";
			return problem(HttpStatus.BAD_REQUEST, "请求有误", message, List.of(new FieldError(field, message)));
		}
		return problem(HttpStatus.BAD_REQUEST, "请求有误", "请求内容不是有效的 JSON。", null);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> onBadParameter(MethodArgumentTypeMismatchException mismatch) {
		String message = "参数「" + mismatch.getName() + "」的值无效";
		return problem(HttpStatus.BAD_REQUEST, "请求有误", message, List.of(new FieldError(mismatch.getName(), message)));
	}

	@ExceptionHandler(org.springframework.validation.BindException.class)
	ResponseEntity<ProblemDetail> onBadQuery(org.springframework.validation.BindException invalid) {
		List<FieldError> errors = invalid.getFieldErrors()
			.stream()
			.map(error -> new FieldError(error.getField(), "参数「" + error.getField() + "」的值无效"))
			.toList();
		return problem(HttpStatus.BAD_REQUEST, "请求有误",
				errors.stream().map(FieldError::message).reduce((a, b) -> a + "；" + b).orElse("请求参数无效"), errors);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> onMediaType(HttpMediaTypeNotSupportedException unsupported) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型", "修改数据的请求须以 application/json 提交。", null);
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
			List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("about:blank"));
		if (errors != null && !errors.isEmpty()) {
			problem.setProperty("errors", new ArrayList<>(errors));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
