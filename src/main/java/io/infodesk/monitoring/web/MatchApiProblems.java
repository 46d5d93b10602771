package io.infodesk.monitoring.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.BusinessException;

/** The match API's refusals as RFC 9457 problem details with a Chinese title and detail (400), like docs/api.md. */
@RestControllerAdvice(assignableTypes = MatchApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MatchApiProblems {

	private final Texts texts;

	MatchApiProblems(Texts texts) {
		this.texts = texts;
	}

	@ExceptionHandler(BusinessException.class)
	ResponseEntity<ProblemDetail> onRefused(BusinessException refused) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				texts.get(refused.messageKey(), refused.args()));
		problem.setTitle(texts.get("api.problem.title.badRequest"));
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
