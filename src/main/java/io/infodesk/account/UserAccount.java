package io.infodesk.account;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A login account, optionally linked to a person of the organisation (by id). */
@Entity
@Table(name = "acc_user")
public class UserAccount {

	public static final int MAX_FAILED_ATTEMPTS = 5;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	@Column(name = "password_hash")
	private String passwordHash;

	@Column(name = "display_name")
	private String displayName;

	@Column(name = "person_id")
	private Long personId;

	private boolean enabled = true;

	@Column(name = "failed_attempts")
	private int failedAttempts;

	@Column(name = "locked_until")
	private Instant lockedUntil;

	@Column(name = "manually_locked")
	private boolean manuallyLocked;

	@Column(name = "must_change_password")
	private boolean mustChangePassword = true;

	@Column(name = "password_changed_at")
	private Instant passwordChangedAt;

	@Column(name = "last_login_at")
	private Instant lastLoginAt;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Version
	private long version;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "acc_user_role", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	protected UserAccount() {
	}

	public UserAccount(String username, String displayName, String passwordHash, Instant now) {
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** Locked by an administrator (until unlocked) or after failed logins (until the lockout ends). */
	public boolean isLockedAt(Instant now) {
		return manuallyLocked || (lockedUntil != null && lockedUntil.isAfter(now));
	}

	public AccountStatus statusAt(Instant now) {
		if (!enabled) {
			return AccountStatus.DISABLED;
		}
		return isLockedAt(now) ? AccountStatus.LOCKED : AccountStatus.ACTIVE;
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}

	/** Counts a failed login; returns true when this failure locks the account. */
	public boolean recordFailedLogin(Instant now, Duration lockFor) {
		failedAttempts++;
		updatedAt = now;
		if (failedAttempts >= MAX_FAILED_ATTEMPTS) {
			lockedUntil = now.plus(lockFor);
			failedAttempts = 0;
			return true;
		}
		return false;
	}

	public void recordSuccessfulLogin(Instant now) {
		failedAttempts = 0;
		lockedUntil = null;
		lastLoginAt = now;
	}

	public void changePassword(String newHash, boolean temporary, Instant now) {
		this.passwordHash = newHash;
		this.mustChangePassword = temporary;
		this.passwordChangedAt = now;
		this.updatedAt = now;
	}

	/** An administrator's lock: it lasts until {@link #unlock(Instant)}. */
	public void lock(Instant now) {
		this.manuallyLocked = true;
		this.updatedAt = now;
	}

	/** Lifts both an administrator's lock and a lockout after failed logins. */
	public void unlock(Instant now) {
		this.manuallyLocked = false;
		this.lockedUntil = null;
		this.failedAttempts = 0;
		this.updatedAt = now;
	}

	public void disable(Instant now) {
		this.enabled = false;
		this.updatedAt = now;
	}

	public void enable(Instant now) {
		this.enabled = true;
		this.updatedAt = now;
	}

	public Long getId() {
		return id;
	}

	public String getUsername() {
		return username;
	}

	public String getPasswordHash() {
		return passwordHash;
	}

	public String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public Long getPersonId() {
		return personId;
	}

	public void setPersonId(Long personId) {
		this.personId = personId;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public int getFailedAttempts() {
		return failedAttempts;
	}

	public Instant getLockedUntil() {
		return lockedUntil;
	}

	public boolean isManuallyLocked() {
		return manuallyLocked;
	}

	public boolean isMustChangePassword() {
		return mustChangePassword;
	}

	public Instant getPasswordChangedAt() {
		return passwordChangedAt;
	}

	public Instant getLastLoginAt() {
		return lastLoginAt;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public Set<Role> getRoles() {
		return roles;
	}

	public void setRoles(Set<Role> roles) {
		this.roles.clear();
		this.roles.addAll(roles);
	}

	public void touch(Instant now) {
		this.updatedAt = now;
	}

}
