package io.infodesk.account.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The steps of a login after the password and the session rules of issue 17, as filters of the security chain:
 * <ul>
 * <li>{@link FactorPending}: a session whose password was right but whose second factor is still due reaches only the
 * code page (or the enrolment page) and logout;</li>
 * <li>{@link IdleTimeout}: a logged-in session without an own request for the idle timeout ends, however often the
 * open page polls (the bell, the inbox count, the same-day board): polling is no activity (finding 2; the servlet
 * container's timeout alone never fires while a tab polls);</li>
 * <li>{@link Throttled}: login attempts beyond the rate limits of {@link LoginThrottle} are refused unchecked.</li>
 * </ul>
 */
final class LoginSteps {

	/** Session attribute: "verify" (code due) or "enrol" (the account must first enrol a factor). */
	static final String FACTOR_PENDING = "infodesk.factorPending";

	static final String LAST_ACTIVITY = "infodesk.lastActivity";

	static final String FACTOR_PAGE = "/login/factor";

	static final String ENROL_PAGE = "/account/factor";

	/** GET requests that an open page sends by itself, on a timer (htmx {@code every}): no activity of the user. */
	static final Set<String> POLLS = Set.of("/notifications/bell", "/inbox/count", "/reporting/urgent");

	private LoginSteps() {
	}

	static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	static boolean staticOrError(String path) {
		return path.equals("/error") || path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
				|| path.startsWith("/img/") || path.equals("/favicon.ico");
	}

	static final class FactorPending extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			HttpSession session = request.getSession(false);
			Object pending = session == null ? null : session.getAttribute(FACTOR_PENDING);
			if (pending != null) {
				String path = path(request);
				boolean allowed = path.equals(FACTOR_PAGE) || path.equals(ENROL_PAGE) || path.startsWith(ENROL_PAGE + "/")
						|| path.equals("/logout") || staticOrError(path);
				if (!allowed) {
					response.sendRedirect(request.getContextPath() + ("enrol".equals(pending) ? ENROL_PAGE : FACTOR_PAGE));
					return;
				}
			}
			chain.doFilter(request, response);
		}

	}

	static final class IdleTimeout extends OncePerRequestFilter {

		private final Duration timeout;

		private final Clock clock;

		private final AccountSessions sessions;

		IdleTimeout(Duration timeout, Clock clock, AccountSessions sessions) {
			this.timeout = timeout;
			this.clock = clock;
			this.sessions = sessions;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			HttpSession session = request.getSession(false);
			if (session != null
					&& session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null) {
				Instant now = Instant.now(clock);
				Object last = session.getAttribute(LAST_ACTIVITY);
				if (last instanceof Instant at && at.plus(timeout).isBefore(now)) {
					session.invalidate();
					SecurityContextHolder.clearContext();
					String target = request.getContextPath() + "/login?timeout";
					if (request.getHeader("HX-Request") != null) {
						response.setHeader("HX-Redirect", target);
						response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
					}
					else {
						response.sendRedirect(target);
					}
					return;
				}
				if (last == null || !poll(request)) {
					session.setAttribute(LAST_ACTIVITY, now);
					sessions.touched(session.getId(), now);
				}
			}
			chain.doFilter(request, response);
		}

		static boolean poll(HttpServletRequest request) {
			return "GET".equals(request.getMethod()) && request.getHeader("HX-Request") != null
					&& POLLS.contains(path(request));
		}

	}

	static final class Throttled extends OncePerRequestFilter {

		private final LoginThrottle throttle;

		private final boolean api;

		private final ApiSecurityConfiguration.Problems problems;

		/** The form login's ({@code problems} null) or the API's. */
		Throttled(LoginThrottle throttle, ApiSecurityConfiguration.Problems problems) {
			this.throttle = throttle;
			this.api = problems != null;
			this.problems = problems;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String username = api ? basicUsername(request)
					: "POST".equals(request.getMethod()) && path(request).equals("/login") ? request.getParameter("username")
							: null;
			if (username != null && !throttle.allow(request.getRemoteAddr(), username, !api)) {
				if (api) {
					response.setHeader("Retry-After", "60");
					problems.write(response, 429, "throttled", "throttled");
				}
				else {
					response.sendRedirect(request.getContextPath() + "/login?error=throttled");
				}
				return;
			}
			chain.doFilter(request, response);
		}

		private static String basicUsername(HttpServletRequest request) {
			String header = request.getHeader("Authorization");
			if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
				return null;
			}
			try {
				String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
						java.nio.charset.StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				return colon < 0 ? decoded : decoded.substring(0, colon);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

	}

}
