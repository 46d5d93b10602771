package io.infodesk.shared.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * The permission check of a service method (the second line behind {@code @PreAuthorize}): refuses with
 * {@link AccessDeniedException}, which the web layer answers with 403, when the actor lacks the permission.
 */
public final class PermissionChecks {

	private PermissionChecks() {
	}

	public static void require(AuthenticatedUser actor, String permission) {
		if (!actor.can(permission)) {
			throw new AccessDeniedException(permission);
		}
	}

}
