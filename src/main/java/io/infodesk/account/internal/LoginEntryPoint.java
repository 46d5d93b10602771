package io.infodesk.account.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * What an anonymous request gets: a browser asking for a page is sent to the login page; an htmx
 * request (e.g. after the session expired) gets 401 with {@code HX-Redirect} so that htmx loads the
 * login page instead of swapping it into a fragment; any other client (API, download tool) gets 401.
 */
class LoginEntryPoint implements AuthenticationEntryPoint {

	static final String LOGIN_PATH = "/login";

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		String login = request.getContextPath() + LOGIN_PATH;
		if ("true".equals(request.getHeader("HX-Request"))) {
			response.setHeader("HX-Redirect", login);
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
		}
		else if (acceptsHtml(request)) {
			response.sendRedirect(login);
		}
		else {
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
		}
	}

	/** True when the client names text/html explicitly (browsers do; a bare wildcard does not count). */
	static boolean acceptsHtml(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null || accept.isBlank()) {
			return false;
		}
		try {
			List<MediaType> types = MediaType.parseMediaTypes(accept);
			return types.stream().anyMatch(type -> !type.isWildcardType() && type.isCompatibleWith(MediaType.TEXT_HTML));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
