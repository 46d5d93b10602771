package io.infodesk.shared.security;

/**
 * Computes the {@link DataScope} of the logged-in user from their roles, unit and the units their
 * leadership covers. Implemented by the account module; any module injects it.
 */
public interface DataScopes {

	DataScope current();

	/** The scope of the given user (e.g. the holder of a calendar feed token, who is not logged in). */
	DataScope scopeOf(AuthenticatedUser user);

	/** Throws access denied when the unit is outside the current user's scope. */
	default void check(Long unitId) {
		if (!current().includes(unitId)) {
			throw new org.springframework.security.access.AccessDeniedException("超出数据权限范围");
		}
	}

}
