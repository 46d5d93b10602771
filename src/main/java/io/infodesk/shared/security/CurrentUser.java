package io.infodesk.shared.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the logged-in user from the security context. */
public final class CurrentUser {

	private CurrentUser() {
	}

	public static Optional<AuthenticatedUser> get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	public static AuthenticatedUser require() {
		return get().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("未登录"));
	}

	/** The name written into audit entries: the username, or "system" for work no person started. */
	public static String actorName() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return "system";
		}
		return authentication.getName();
	}

}
