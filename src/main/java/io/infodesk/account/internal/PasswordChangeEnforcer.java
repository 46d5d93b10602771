package io.infodesk.account.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.infodesk.shared.security.CurrentUser;

/**
 * A user whose password is initial or was reset must change it before anything else: every other
 * page redirects to the change form.
 */
@Component
class PasswordChangeEnforcer extends OncePerRequestFilter {

	static final String CHANGE_PATH = "/account/password";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var user = CurrentUser.get();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (user.isPresent() && user.get().mustChangePassword() && !allowed(path)) {
			response.sendRedirect(request.getContextPath() + CHANGE_PATH);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean allowed(String path) {
		return path.equals(CHANGE_PATH) || path.equals("/logout") || path.equals("/error") || path.startsWith("/webjars/")
				|| path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/");
	}

}
