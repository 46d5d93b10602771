package io.infodesk.shared.security;

import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The person logged in: who, in which unit, holding which roles and permission strings.
 * Built by the account module at login; read by every module through {@link CurrentUser}.
 */
public final class AuthenticatedUser implements UserDetails, CredentialsContainer, Serializable {

	private final long userId;

	private final String username;

	private String passwordHash;

	private final String displayName;

	private final Long personId;

	private final Long unitId;

	private final String unitName;

	private final Set<String> roles;

	private final Set<String> permissions;

	private final boolean enabled;

	private final boolean locked;

	private boolean mustChangePassword;

	public AuthenticatedUser(long userId, String username, String passwordHash, String displayName, Long personId,
			Long unitId, String unitName, Set<String> roles, Set<String> permissions, boolean enabled, boolean locked,
			boolean mustChangePassword) {
		this.userId = userId;
		this.username = username;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.personId = personId;
		this.unitId = unitId;
		this.unitName = unitName;
		this.roles = Set.copyOf(roles);
		this.permissions = Set.copyOf(permissions);
		this.enabled = enabled;
		this.locked = locked;
		this.mustChangePassword = mustChangePassword;
	}

	public long userId() {
		return userId;
	}

	public String displayName() {
		return displayName;
	}

	public Long personId() {
		return personId;
	}

	public Long unitId() {
		return unitId;
	}

	public String unitName() {
		return unitName;
	}

	public Set<String> roles() {
		return roles;
	}

	public Set<String> permissions() {
		return permissions;
	}

	public boolean hasRole(String role) {
		return roles.contains(role);
	}

	/** Permission check for templates and controllers: {@code me.can('org:person:edit')}. */
	public boolean can(String permission) {
		return permissions.contains(permission);
	}

	public boolean mustChangePassword() {
		return mustChangePassword;
	}

	public void passwordChanged() {
		this.mustChangePassword = false;
	}

	/** The password has expired (password policy): the user must change it before anything else. */
	public void requirePasswordChange() {
		this.mustChangePassword = true;
	}

	/** Once authenticated, the BCrypt hash is dropped: it is never kept in the session (issue 17, finding 10). */
	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		Set<GrantedAuthority> authorities = new LinkedHashSet<>();
		roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
		permissions.forEach(permission -> authorities.add(new SimpleGrantedAuthority(permission)));
		return authorities;
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	/** One account, one principal: the session registry counts an account's sessions together (issue 17). */
	@Override
	public boolean equals(Object other) {
		return other instanceof AuthenticatedUser user && user.userId == userId;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(userId);
	}

	@Override
	public String toString() {
		return "AuthenticatedUser[" + username + ", roles=" + roles.stream().sorted().collect(Collectors.joining(","))
				+ "]";
	}

}
