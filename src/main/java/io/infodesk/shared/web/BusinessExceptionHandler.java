package io.infodesk.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A refused business rule that no controller handled itself becomes a Chinese message page with
 * status 400 (never a stack trace). Controllers that can re-show their form catch it themselves.
 */
@ControllerAdvice
class BusinessExceptionHandler {

	private final MessageSource messages;

	BusinessExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * A refused request gets 400 and the rule's Chinese message; a page or file asked for (GET) whose record does not
	 * exist ({@code *.notFound}) gets 404 with that message — a form naming a record that is gone stays a 400.
	 */
	@ExceptionHandler(BusinessException.class)
	String onBusinessException(BusinessException exception, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		boolean missing = "GET".equals(request.getMethod()) && exception.messageKey().endsWith(".notFound");
		response.setStatus(missing ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("message",
				messages.getMessage(exception.messageKey(), exception.args(), exception.messageKey(),
						LocaleContextHolder.getLocale()));
		if (exception instanceof BusinessException.Problems problems) {
			model.addAttribute("problems", problems.problems());
		}
		return missing ? "error/404" : "error/400";
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String onTooLarge(Model model, HttpServletRequest request, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("message", messages.getMessage("error.upload.tooLarge", null, LocaleContextHolder.getLocale()));
		return "error/400";
	}

}
