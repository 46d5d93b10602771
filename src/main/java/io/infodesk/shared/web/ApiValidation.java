package io.infodesk.shared.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Bad input to the REST API, refused as a whole before any service is called: {@link ApiProblemHandler} answers 400
 * with {@code errors: [{field, message}]} and the messages joined in the detail (docs/api.md).
 */
public final class ApiValidation {

	private ApiValidation() {
	}

	/** One field's error. */
	public record FieldError(String field, String message) {

	}

	/** Bad input found before the service was called. */
	public static final class InvalidInput extends RuntimeException {

		private final List<FieldError> errors;

		public InvalidInput(List<FieldError> errors) {
			super("invalid input");
			this.errors = List.copyOf(errors);
		}

		public List<FieldError> errors() {
			return errors;
		}

	}

	/**
	 * Validates a request form with its bean-validation messages (Chinese), naming each field as the API names it
	 * ({@code fieldNames} maps a form property to the JSON field where they differ).
	 */
	public static <T> T valid(Validator validator, T form, Map<String, String> fieldNames) {
		Set<ConstraintViolation<T>> violations = validator.validate(form);
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations.stream()
				.map(violation -> new FieldError(
						fieldNames.getOrDefault(violation.getPropertyPath().toString(),
								violation.getPropertyPath().toString()),
						violation.getMessage()))
				.sorted(Comparator.comparing(FieldError::field))
				.toList());
		}
		return form;
	}

}
