package io.infodesk.support;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import io.infodesk.account.Role;
import io.infodesk.shared.security.AuthenticatedUser;

/**
 * Real {@link AuthenticatedUser} principals for tests, with exactly the permission strings that
 * {@link Role#permissions()} gives (never a hand-made authority list), so a test sees what a logged-in user
 * of those roles sees.
 */
public final class TestUsers {

	private static final AtomicLong IDS = new AtomicLong(900_000);

	private TestUsers() {
	}

	/** A user of the given roles, linked to a person and unit (either may be null). */
	public static AuthenticatedUser withRoles(Long personId, Long unitId, Role... roles) {
		long id = IDS.incrementAndGet();
		Set<String> names = Arrays.stream(roles).map(Role::name).collect(Collectors.toSet());
		Set<String> permissions = Arrays.stream(roles)
			.flatMap(role -> role.permissions().stream())
			.collect(Collectors.toSet());
		String username = "test-" + Arrays.stream(roles).map(r -> r.name().toLowerCase()).collect(Collectors.joining("-"))
				+ "-" + id;
		return new AuthenticatedUser(id, username, "{noop}unused", "测试用户" + id, personId, unitId,
				unitId == null ? null : "测试单位", names, permissions, true, false, false);
	}

	/** A user holding one role, without person or unit. */
	public static AuthenticatedUser of(Role role) {
		return withRoles(null, null, role);
	}

	/** Puts the user into the security context of the current thread (clear it after the test). */
	public static void logIn(AuthenticatedUser user) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

}
