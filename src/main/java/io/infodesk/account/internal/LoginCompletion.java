package io.infodesk.account.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import io.infodesk.account.UserAccount;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.DateFormats;
import io.infodesk.shared.time.TimeConfiguration;

/**
 * What happens after the password was accepted (the form login's success handler) and after the second factor: the
 * session is noted (device, address), the second factor is asked for where it is needed (or its enrolment, for a role
 * that must use it), and only then is the login complete — audited, the failure count reset, an expired password
 * forced to change, and the previous login and the failed attempts since shown to the user (GB/T 22239: users notice
 * misuse). The demo and test profiles ask for no factor unless the account enrolled one.
 */
@Component
public class LoginCompletion implements AuthenticationSuccessHandler {

	private static final DateTimeFormatter DATE_TIME = DateFormats.SECONDS;

	private final SecondFactors factors;

	private final LoginAuditing auditing;

	private final AccountSessions sessions;

	private final UserAccountRepository accounts;

	private final Texts texts;

	private final Clock clock;

	private final SecuritySettings settings;

	private final SavedRequestAwareAuthenticationSuccessHandler target = new SavedRequestAwareAuthenticationSuccessHandler();

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	LoginCompletion(SecondFactors factors, LoginAuditing auditing, AccountSessions sessions,
			UserAccountRepository accounts, Texts texts, Clock clock,
			SecuritySettings settings) {
		this.factors = factors;
		this.auditing = auditing;
		this.sessions = sessions;
		this.accounts = accounts;
		this.texts = texts;
		this.clock = clock;
		this.settings = settings;
		this.target.setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, jakarta.servlet.ServletException {
		AuthenticatedUser user = (AuthenticatedUser) authentication.getPrincipal();
		HttpSession session = request.getSession();
		Instant now = Instant.now(clock);
		sessions.started(session.getId(), user, request.getHeader("User-Agent"), request.getRemoteAddr(), now);
		session.setAttribute(LoginSteps.LAST_ACTIVITY, now);
		if (factors.enrolled(user.userId())) {
			session.setAttribute(LoginSteps.FACTOR_PENDING, "verify");
			response.sendRedirect(request.getContextPath() + LoginSteps.FACTOR_PAGE);
			return;
		}
		if (factors.requiredByRole(user)) {
			session.setAttribute(LoginSteps.FACTOR_PENDING, "enrol");
			response.sendRedirect(request.getContextPath() + LoginSteps.ENROL_PAGE);
			return;
		}
		complete(request, response, user, false);
	}

	/** Whether this session still owes its second factor (the code, or the enrolment). */
	public static String pending(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session == null ? null : (String) session.getAttribute(LoginSteps.FACTOR_PENDING);
	}

	/** The second factor was given (or enrolled): a new session id, then the login completes. */
	public void factorPassed(HttpServletRequest request, HttpServletResponse response, AuthenticatedUser user)
			throws IOException, jakarta.servlet.ServletException {
		String before = request.getSession().getId();
		String after = request.changeSessionId();
		sessions.renamed(before, after);
		complete(request, response, user, true);
	}

	/**
	 * A wrong code counts towards the lockout like a wrong password; when it locks the account, the half-open session
	 * ends. True when the session was ended.
	 */
	public boolean factorFailed(HttpServletRequest request, AuthenticatedUser user) {
		boolean locked = auditing.failed(user.userId(), user.getUsername(), texts.get("account.audit.loginBadCode"));
		if (locked) {
			request.getSession().invalidate();
			SecurityContextHolder.clearContext();
		}
		return locked;
	}

	private void complete(HttpServletRequest request, HttpServletResponse response, AuthenticatedUser user,
			boolean withFactor) throws IOException, jakarta.servlet.ServletException {
		request.getSession().removeAttribute(LoginSteps.FACTOR_PENDING);
		LoginAuditing.PreviousLogin previous = auditing.completed(user.userId(), user.getUsername(), withFactor);
		if (passwordExpired(user.userId())) {
			user.requirePasswordChange();
			contexts.saveContext(SecurityContextHolder.getContext(), request, response);
		}
		FlashMap flash = new FlashMap();
		flash.put("flashLogin", notice(previous));
		new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		target.onAuthenticationSuccess(request, response, authentication);
	}

	/** The password is older than the security administrator's expiry (issue 17; 0 days: never). */
	private boolean passwordExpired(long userId) {
		int days = settings.passwordRules().expiryDays();
		if (!settings.expiryEnforced() || days <= 0) {
			return false;
		}
		Duration passwordExpiry = Duration.ofDays(days);
		Instant changed = accounts.findById(userId).map(UserAccount::getPasswordChangedAt).orElse(null);
		return changed != null && changed.plus(passwordExpiry).isBefore(Instant.now(clock));
	}

	String notice(LoginAuditing.PreviousLogin previous) {
		String last = previous.lastLoginAt() == null ? texts.get("account.login.firstLogin")
				: texts.get("account.login.lastLogin", DATE_TIME.format(previous.lastLoginAt()),
						previous.lastLoginIp() == null ? "-" : previous.lastLoginIp());
		if (previous.failuresSince() == 0) {
			return last;
		}
		return last + texts.get("account.login.failuresSince", String.valueOf(previous.failuresSince()),
				previous.lastFailedAt() == null ? "-" : DATE_TIME.format(previous.lastFailedAt()),
				previous.lastFailedIp() == null ? "-" : previous.lastFailedIp());
	}

}
