package io.infodesk.account.internal;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionDestroyedEvent;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.http.HttpSession;

import io.infodesk.shared.security.AuthenticatedUser;

/**
 * The open sessions of the accounts (issue 17): what each is (device, address, start, last activity — polling of the
 * bell is no activity), and ending them: one of one's own, all of a user's (the administrator), all but the current
 * one (password change), and those of an account that was locked, disabled, given other roles, a new password or
 * moved to another unit, so the change takes effect at once instead of at the end of a 30-minute session. Uses the
 * in-memory {@link SessionRegistry} of this instance; with several instances the registry moves to Spring Session
 * (see ARCHITECTURE.md, scale-out plan).
 */
@Component
public class AccountSessions {

	private final SessionRegistry registry;

	/** The session attribute that holds a session's {@link Details} in profile cluster. */
	static final String DETAILS = AccountSessions.class.getName() + ".DETAILS";

	private final Map<String, Details> details = new ConcurrentHashMap<>();

	/** The shared sessions (profile cluster), null with the in-memory registry of one instance. */
	private final FindByIndexNameSessionRepository<? extends Session> shared;

	private final UserAccountRepository accounts;

	AccountSessions(SessionRegistry registry,
			ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> shared, UserAccountRepository accounts) {
		this.registry = registry;
		this.shared = shared.getIfAvailable();
		this.accounts = accounts;
	}

	/** What the session list shows of one session; {@code handle} names it in forms without giving its id away. */
	public record SessionView(String handle, String device, String address, Instant startedAt, Instant lastActivity,
			boolean current) {
	}

	record Details(long userId, Long unitId, String device, String address, Instant startedAt, Instant lastActivity)
			implements Serializable {

		Details touched(Instant at) {
			return new Details(userId, unitId, device, address, startedAt, at);
		}

	}

	/** Notes a session that has just logged in. */
	public void started(String sessionId, AuthenticatedUser user, String userAgent, String address, Instant at) {
		Details started = new Details(user.userId(), user.unitId(), device(userAgent), address, at, at);
		if (shared != null) {
			HttpSession current = currentSession(sessionId);
			if (current != null) {
				current.setAttribute(DETAILS, started);
			}
			return;
		}
		details.put(sessionId, started);
	}

	/**
	 * A request that was the user's own doing (not a poll). In profile cluster the last activity is the session's
	 * {@code LoginSteps.LAST_ACTIVITY} attribute, written by the same request: nothing more to write.
	 */
	void touched(String sessionId, Instant at) {
		if (shared == null) {
			details.computeIfPresent(sessionId, (id, known) -> known.touched(at));
		}
	}

	/** The session id changed (after the second factor): its details move along (in profile cluster with it). */
	void renamed(String oldId, String newId) {
		Details known = details.remove(oldId);
		if (known != null) {
			details.put(newId, known);
		}
	}

	/** What is known of a session: from memory, or from the shared session's attributes (profile cluster). */
	private Details detailsOf(String sessionId) {
		if (shared == null) {
			return details.get(sessionId);
		}
		HttpSession current = currentSession(sessionId);
		Object known;
		Object last;
		if (current != null) {
			known = current.getAttribute(DETAILS);
			last = current.getAttribute(LoginSteps.LAST_ACTIVITY);
		}
		else {
			Session session = shared.findById(sessionId);
			if (session == null) {
				return null;
			}
			known = session.getAttribute(DETAILS);
			last = session.getAttribute(LoginSteps.LAST_ACTIVITY);
		}
		if (!(known instanceof Details found)) {
			return null;
		}
		return last instanceof Instant at ? found.touched(at) : found;
	}

	/** The current request's session when it is the one named, else null. */
	private static HttpSession currentSession(String sessionId) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			HttpSession session = servlet.getRequest().getSession(false);
			if (session != null && session.getId().equals(sessionId)) {
				return session;
			}
		}
		return null;
	}

	@EventListener
	void on(SessionDestroyedEvent event) {
		details.remove(event.getId());
	}

	/** The user's open sessions, the latest activity first. */
	public List<SessionView> of(long userId, String currentSessionId) {
		List<SessionView> views = new ArrayList<>();
		for (SessionInformation session : sessionsOf(userId)) {
			Details known = detailsOf(session.getSessionId());
			Instant last = known != null ? known.lastActivity() : session.getLastRequest().toInstant();
			views.add(new SessionView(handle(session.getSessionId()), known == null ? "" : known.device(),
					known == null ? "" : known.address(), known == null ? null : known.startedAt(), last,
					session.getSessionId().equals(currentSessionId)));
		}
		views.sort(Comparator.comparing(SessionView::lastActivity, Comparator.nullsLast(Comparator.reverseOrder())));
		return views;
	}

	public int count(long userId) {
		return sessionsOf(userId).size();
	}

	/** Ends one of the user's sessions by its handle; false when there is none such. */
	public boolean end(long userId, String handle) {
		for (SessionInformation session : sessionsOf(userId)) {
			if (handle(session.getSessionId()).equals(handle)) {
				session.expireNow();
				return true;
			}
		}
		return false;
	}

	/** Expires the account's sessions once the current transaction has committed (at once without one). */
	public void expireAfterCommit(long userId) {
		afterCommit(() -> expire(userId, null));
	}

	/** Expires the account's other sessions (not this one) once the transaction has committed. */
	public void expireOthersAfterCommit(long userId, String keepSessionId) {
		afterCommit(() -> expire(userId, keepSessionId));
	}

	/**
	 * The person moved to another unit: the sessions of their accounts opened in another unit end (the unit and
	 * with it the data scope were read at login). Returns the user ids whose sessions ended.
	 */
	public List<Long> expireWhereUnitDiffers(List<Long> userIds, Long unitId) {
		List<Long> ended = new ArrayList<>();
		for (long userId : userIds) {
			for (SessionInformation session : sessionsOf(userId)) {
				Details known = detailsOf(session.getSessionId());
				Long loggedInUnit = known != null ? known.unitId()
						: session.getPrincipal() instanceof AuthenticatedUser user ? user.unitId() : null;
				if (!Objects.equals(loggedInUnit, unitId)) {
					session.expireNow();
					if (!ended.contains(userId)) {
						ended.add(userId);
					}
				}
			}
		}
		return ended;
	}

	/** Expires the account's sessions at once (also when the caller's transaction is about to roll back). */
	public void expire(long userId) {
		expire(userId, null);
	}

	private void expire(long userId, String keep) {
		for (SessionInformation session : sessionsOf(userId)) {
			if (!session.getSessionId().equals(keep)) {
				session.expireNow();
			}
		}
	}

	private List<SessionInformation> sessionsOf(long userId) {
		if (shared != null) {
			// Spring Session's registry finds sessions by principal name (the username), not by listing principals
			return accounts.findById(userId)
				.map(account -> registry.getAllSessions(account.getUsername(), false))
				.orElse(List.of());
		}
		List<SessionInformation> sessions = new ArrayList<>();
		for (Object principal : registry.getAllPrincipals()) {
			if (principal instanceof AuthenticatedUser user && user.userId() == userId) {
				sessions.addAll(registry.getAllSessions(principal, false));
			}
		}
		return sessions;
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

	static String handle(String sessionId) {
		return Sm3.hex("session:" + sessionId).substring(0, 16);
	}

	/** A short description of the browser and system from the User-Agent header. */
	static String device(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return "";
		}
		String browser = userAgent.contains("Edg/") ? "Edge" : userAgent.contains("Firefox/") ? "Firefox"
				: userAgent.contains("Chrome/") ? "Chrome" : userAgent.contains("Safari/") ? "Safari" : null;
		String system = userAgent.contains("Windows") ? "Windows" : userAgent.contains("Android") ? "Android"
				: userAgent.contains("iPhone") || userAgent.contains("iPad") ? "iOS"
						: userAgent.contains("Mac OS") ? "macOS" : userAgent.contains("Linux") ? "Linux" : null;
		if (browser == null && system == null) {
			return userAgent.length() > 60 ? userAgent.substring(0, 60) : userAgent;
		}
		return (browser == null ? "" : browser) + (browser != null && system != null ? " · " : "")
				+ (system == null ? "" : system);
	}

}
