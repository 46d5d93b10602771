package io.infodesk.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.account.internal.AccountSessions;
import io.infodesk.account.internal.AccountUserDetailsService;
import io.infodesk.account.internal.ApiTokens;
import io.infodesk.account.internal.LoginAuditing;
import io.infodesk.account.internal.SecondFactors;
import io.infodesk.account.internal.PasswordGenerator;
import io.infodesk.account.internal.PasswordHistory;
import io.infodesk.account.internal.PasswordPolicy;
import io.infodesk.account.internal.UserAccountRepository;
import io.infodesk.audit.AuditRecord;
import io.infodesk.audit.AuditTrail;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.text.Texts;

/**
 * The accounts of the system and what administrators and users do with them: create with an
 * initial password, edit name, person and roles, reset a password, lock and unlock, disable and
 * enable, and change one's own password. Every change is audited in its transaction. The rules that
 * keep the system administrable hold here, whoever calls: nobody removes their own ADMIN role or
 * disables or locks themselves, and the last active administrator keeps ADMIN.
 * <p>
 * Over ~350 lines because these administrability rules must hold for every change of an account, so every change
 * goes through this one class; login itself (lockout, sessions, second factor) is in {@code account.internal}.
 */
@Service
@Transactional
public class Accounts {

	static final String ENTITY = "UserAccount";

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{1,49}");

	private final UserAccountRepository repository;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final PasswordGenerator passwords;

	private final Organization organization;

	private final AuditTrail audit;

	private final AccountSessions sessions;

	private final Texts texts;

	private final Clock clock;

	private final SecondFactors factors;

	private final LoginAuditing logins;

	private final ApiTokens tokens;

	private final PasswordHistory history;

	/** The role whose last active holder is kept: the one who manages accounts (三员分立: the security administrator). */
	private final Role keeper;

	Accounts(UserAccountRepository repository, PasswordEncoder encoder, PasswordPolicy policy,
			PasswordGenerator passwords, Organization organization, AuditTrail audit, AccountSessions sessions, Texts texts,
			Clock clock, SecondFactors factors, LoginAuditing logins, ApiTokens tokens, AccountUserDetailsService users,
			PasswordHistory history) {
		this.history = history;
		this.factors = factors;
		this.logins = logins;
		this.tokens = tokens;
		this.keeper = users.separateAdministrators() ? Role.SECURITY_ADMIN : Role.ADMIN;
		this.repository = repository;
		this.encoder = encoder;
		this.policy = policy;
		this.passwords = passwords;
		this.organization = organization;
		this.audit = audit;
		this.sessions = sessions;
		this.texts = texts;
		this.clock = clock;
	}

	// ---- reading -------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public Page<UserAccount> search(AccountFilter filter, Pageable pageable) {
		return repository.findAll(matching(filter, now()), pageable);
	}

	@Transactional(readOnly = true)
	public List<UserAccount> searchAll(AccountFilter filter) {
		return repository.findAll(matching(filter, now()), Sort.by("username"));
	}

	@Transactional(readOnly = true)
	public Optional<UserAccount> find(long id) {
		return repository.findById(id);
	}

	/**
	 * The ids of the enabled accounts linked to these people (a person may have no account: nobody is then
	 * reached), e.g. to address notifications to the owners of a record.
	 */
	@Transactional(readOnly = true)
	public List<Long> userIdsOfPersons(java.util.Collection<Long> personIds) {
		List<Long> wanted = personIds.stream().filter(Objects::nonNull).distinct().toList();
		if (wanted.isEmpty()) {
			return List.of();
		}
		return repository.findAll((root, query, cb) -> cb.and(root.get("personId").in(wanted),
				cb.isTrue(root.get("enabled"))), Sort.by("id"))
			.stream()
			.map(UserAccount::getId)
			.toList();
	}

	/** The enabled accounts holding any of the roles, with the person they are linked to (for addressing work). */
	@Transactional(readOnly = true)
	public List<UserAccount> enabledHolders(Role... roles) {
		Set<Role> wanted = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles);
		return repository.findAll((root, query, cb) -> cb.isTrue(root.get("enabled")), Sort.by("id"))
			.stream()
			.filter(account -> account.getRoles().stream().anyMatch(wanted::contains))
			.toList();
	}

	@Transactional(readOnly = true)
	public boolean usernameTaken(String username) {
		return username != null && repository.existsByUsername(normalize(username));
	}

	// ---- administration ------------------------------------------------------------------------

	/**
	 * Creates an account with a generated initial password that must be changed at first login.
	 * @param personId the person of the organisation this account belongs to, or null
	 */
	public IssuedPassword create(String username, String displayName, Long personId, Set<Role> roles) {
		String name = normalize(username);
		if (name == null || !USERNAME.matcher(name).matches()) {
			throw new AccountRuleViolation("username", "account.user.username.pattern");
		}
		if (repository.existsByUsername(name)) {
			throw new AccountRuleViolation("username", "account.user.username.taken", name);
		}
		requireDisplayName(displayName);
		requireRoles(roles);
		requireSeparatedAdministrators(roles);
		if (personId != null) {
			requireLinkablePerson(personId, null);
		}
		Instant now = now();
		String initialPassword = passwords.generate();
		UserAccount account = new UserAccount(name, displayName.trim(), encoder.encode(initialPassword), now);
		account.setPersonId(personId);
		account.setRoles(roles);
		repository.save(account);
		audit.record(AuditRecord.success("ACCOUNT_CREATED", ENTITY, account.getId(), texts.get("account.audit.created",
				name, account.getDisplayName(), personLabel(personId), roleLabels(account.getRoles()))));
		return new IssuedPassword(account.getId(), name, initialPassword);
	}

	/** Changes name, person and roles; a change of roles is audited on its own line. */
	public void update(long id, String displayName, Long personId, Set<Role> roles) {
		UserAccount account = get(id);
		requireDisplayName(displayName);
		requireRoles(roles);
		Set<Role> before = EnumSet.noneOf(Role.class);
		before.addAll(account.getRoles());
		Set<Role> after = EnumSet.copyOf(roles);
		if (before.contains(keeper) && !after.contains(keeper)) {
			if (isCurrentUser(account)) {
				throw new AccountRuleViolation("roles", "account.rule.ownAdminRole");
			}
			requireAnotherActiveAdmin(account);
		}
		// 三员分立 (finding 6): nobody changes their own roles (e.g. an administrator adding OFFICE_EDITOR to itself)
		if (isCurrentUser(account) && !before.equals(after)) {
			throw new AccountRuleViolation("roles", "account.rule.ownRoles");
		}
		requireSeparatedAdministrators(after);
		if (personId != null && !personId.equals(account.getPersonId())) {
			requireLinkablePerson(personId, account.getId());
		}
		List<String> changes = new ArrayList<>();
		String newName = displayName.trim();
		if (!newName.equals(account.getDisplayName())) {
			changes.add(texts.get("account.audit.change.displayName", account.getDisplayName(), newName));
			account.setDisplayName(newName);
		}
		boolean personChanged = !Objects.equals(personId, account.getPersonId());
		if (personChanged) {
			changes.add(texts.get("account.audit.change.person", personLabel(account.getPersonId()), personLabel(personId)));
			account.setPersonId(personId);
		}
		Instant now = now();
		if (!changes.isEmpty()) {
			account.touch(now);
			audit.record(AuditRecord.success("ACCOUNT_UPDATED", ENTITY, account.getId(),
					texts.get("account.audit.updated", account.getUsername(), String.join("；", changes))));
		}
		boolean rolesChanged = !before.equals(after);
		if (rolesChanged) {
			account.setRoles(after);
			account.touch(now);
			audit.record(AuditRecord.success("ACCOUNT_ROLES_CHANGED", ENTITY, account.getId(),
					texts.get("account.audit.rolesChanged", account.getUsername(), roleLabels(before), roleLabels(after))));
		}
		if ((rolesChanged || personChanged) && !isCurrentUser(account)) {
			sessions.expireAfterCommit(account.getId());
		}
		if (rolesChanged) {
			tokens.revokeAll(account.getId());
		}
	}

	/** Gives the account a temporary password that must be changed at the next login, and unlocks it. */
	public IssuedPassword resetPassword(long id) {
		UserAccount account = get(id);
		if (isCurrentUser(account)) {
			throw AccountRuleViolation.of("account.rule.resetOwnPassword");
		}
		String temporaryPassword = passwords.generate();
		Instant now = now();
		history.remember(account.getId(), account.getPasswordHash(), now, policy.rules().history());
		account.changePassword(encoder.encode(temporaryPassword), true, now);
		if (account.isLockedAt(now) || account.getFailedAttempts() > 0) {
			account.unlock(now);
		}
		audit.record(AuditRecord.success("PASSWORD_RESET", ENTITY, account.getId(),
				texts.get("account.audit.passwordReset", account.getUsername())));
		if (!isCurrentUser(account)) {
			sessions.expireAfterCommit(account.getId());
		}
		return new IssuedPassword(account.getId(), account.getUsername(), temporaryPassword);
	}

	public void lock(long id) {
		UserAccount account = get(id);
		if (isCurrentUser(account)) {
			throw AccountRuleViolation.of("account.rule.lockSelf");
		}
		if (account.isManuallyLocked()) {
			return;
		}
		if (account.hasRole(keeper)) {
			requireAnotherActiveAdmin(account);
		}
		account.lock(now());
		audit.record(AuditRecord.success("ACCOUNT_LOCKED", ENTITY, account.getId(),
				texts.get("account.audit.locked", account.getUsername())));
		sessions.expireAfterCommit(account.getId());
	}

	public void unlock(long id) {
		UserAccount account = get(id);
		Instant now = now();
		if (!account.isLockedAt(now) && account.getFailedAttempts() == 0) {
			return;
		}
		account.unlock(now);
		audit.record(AuditRecord.success("ACCOUNT_UNLOCKED", ENTITY, account.getId(),
				texts.get("account.audit.unlocked", account.getUsername())));
	}

	public void disable(long id) {
		UserAccount account = get(id);
		if (isCurrentUser(account)) {
			throw AccountRuleViolation.of("account.rule.disableSelf");
		}
		if (!account.isEnabled()) {
			return;
		}
		if (account.hasRole(keeper)) {
			requireAnotherActiveAdmin(account);
		}
		account.disable(now());
		tokens.revokeAll(account.getId());
		audit.record(AuditRecord.success("ACCOUNT_DISABLED", ENTITY, account.getId(),
				texts.get("account.audit.disabled", account.getUsername())));
		sessions.expireAfterCommit(account.getId());
	}

	public void enable(long id) {
		UserAccount account = get(id);
		if (account.isEnabled()) {
			return;
		}
		account.enable(now());
		audit.record(AuditRecord.success("ACCOUNT_ENABLED", ENTITY, account.getId(),
				texts.get("account.audit.enabled", account.getUsername())));
	}

	/**
	 * A person left or was deactivated: their accounts are disabled, except the last active
	 * administrator, which is kept (and the refusal audited) so that the system stays administrable.
	 */
	public void disableAccountsOf(long personId) {
		for (UserAccount account : repository.findByPersonId(personId)) {
			if (!account.isEnabled()) {
				continue;
			}
			if (account.hasRole(keeper) && !anotherActiveAdmin(account)) {
				audit.record(new AuditRecord("ACCOUNT_DISABLED", ENTITY, String.valueOf(account.getId()),
						texts.get("account.audit.personDeactivatedLastAdmin", account.getUsername()),
						AuditRecord.Outcome.FAILURE, null));
				continue;
			}
			account.disable(now());
			audit.record(AuditRecord.success("ACCOUNT_DISABLED", ENTITY, account.getId(),
					texts.get("account.audit.personDeactivated", account.getUsername(), personLabel(personId))));
			sessions.expireAfterCommit(account.getId());
		}
	}

	// ---- own password --------------------------------------------------------------------------

	/** The user changes their own password; an initial or reset password stops being forced. */
	public void changeOwnPassword(long id, String currentPassword, String newPassword, String repeatPassword) {
		UserAccount account = get(id);
		if (currentPassword == null || !encoder.matches(currentPassword, account.getPasswordHash())) {
			// counted like a failed login (throttled by the lockout) and audited, in its own transaction (finding 10)
			if (logins.failed(account.getId(), account.getUsername(), texts.get("account.audit.currentPasswordWrong"))) {
				sessions.expire(account.getId());
			}
			throw new AccountRuleViolation("currentPassword", "account.password.currentWrong");
		}
		List<String> problems = policy.problems(newPassword, account.getUsername());
		if (!problems.isEmpty()) {
			throw new AccountRuleViolation("newPassword", problems.get(0), policy.arguments());
		}
		if (!newPassword.equals(repeatPassword)) {
			throw new AccountRuleViolation("repeatPassword", "account.password.mismatch");
		}
		if (encoder.matches(newPassword, account.getPasswordHash())) {
			throw new AccountRuleViolation("newPassword", "account.password.unchanged");
		}
		// GB/T 22239 8.1.4.1 a (issue 17): none of the newest N former passwords again
		int depth = policy.rules().history();
		if (history.contains(account.getId(), newPassword, depth)) {
			throw new AccountRuleViolation("newPassword", "account.password.reused", String.valueOf(depth));
		}
		history.remember(account.getId(), account.getPasswordHash(), now(), depth);
		account.changePassword(encoder.encode(newPassword), false, now());
		audit.record(AuditRecord.success("PASSWORD_CHANGED", ENTITY, account.getId(),
				texts.get("account.audit.passwordChanged", account.getUsername())));
		// the user's other sessions end (finding 10); the one that changed the password stays
		sessions.expireOthersAfterCommit(account.getId(), currentSessionId());
	}

	// ---- sessions and second factor (issue 17) ------------------------------------------------------

	/** The user ends one of their own sessions (audited). */
	public boolean endOwnSession(long id, String handle) {
		UserAccount account = get(id);
		boolean ended = sessions.end(id, handle);
		if (ended) {
			audit.record(AuditRecord.success("SESSION_ENDED", ENTITY, account.getId(),
					texts.get("account.audit.sessionEndedOwn", account.getUsername())));
		}
		return ended;
	}

	/** The administrator ends all sessions of a user (audited); returns how many were open. */
	public int endSessions(long id) {
		UserAccount account = get(id);
		if (isCurrentUser(account)) {
			throw AccountRuleViolation.of("account.rule.endOwnSessions");
		}
		int open = sessions.count(id);
		audit.record(AuditRecord.success("SESSIONS_ENDED", ENTITY, account.getId(),
				texts.get("account.audit.sessionsEnded", account.getUsername(), String.valueOf(open))));
		sessions.expireAfterCommit(id);
		return open;
	}

	/** The administrator removes a user's second factor; the user enrols again at the next login. */
	public String resetFactor(long id) {
		UserAccount account = get(id);
		if (isCurrentUser(account)) {
			throw AccountRuleViolation.of("account.rule.resetOwnFactor");
		}
		factors.reset(id, account.getUsername());
		return account.getUsername();
	}

	/**
	 * A person was moved to another unit (or edited): the sessions of their accounts opened in another unit end,
	 * since the unit and the data scope were read at login (finding 2). Audited per account.
	 */
	public void personMoved(long personId, Long unitId) {
		List<UserAccount> linked = repository.findByPersonId(personId);
		List<Long> ended = sessions.expireWhereUnitDiffers(linked.stream().map(UserAccount::getId).toList(), unitId);
		for (UserAccount account : linked) {
			if (ended.contains(account.getId())) {
				audit.record(AuditRecord.success("SESSIONS_ENDED", ENTITY, account.getId(),
						texts.get("account.audit.sessionsEndedTransfer", account.getUsername())).by("system"));
			}
		}
	}

	private static String currentSessionId() {
		if (org.springframework.web.context.request.RequestContextHolder
			.getRequestAttributes() instanceof org.springframework.web.context.request.ServletRequestAttributes servlet) {
			var session = servlet.getRequest().getSession(false);
			return session == null ? null : session.getId();
		}
		return null;
	}

	private static void requireSeparatedAdministrators(Set<Role> roles) {
		if (roles.stream().filter(Role.ADMINISTRATORS::contains).count() > 1) {
			throw new AccountRuleViolation("roles", "account.rule.separatedAdministrators");
		}
	}

	// ---- helpers -------------------------------------------------------------------------------

	/** The labels of roles in enum order, joined with 、, or 无 when there are none. */
	public String roleLabels(Set<Role> roles) {
		if (roles.isEmpty()) {
			return texts.get("account.roles.none");
		}
		return EnumSet.copyOf(roles)
			.stream()
			.map(role -> texts.get("role." + role.name()))
			.collect(Collectors.joining("、"));
	}

	private UserAccount get(long id) {
		return repository.findById(id).orElseThrow(() -> AccountRuleViolation.of("account.user.notFound"));
	}

	private static void requireDisplayName(String displayName) {
		if (displayName == null || displayName.isBlank()) {
			throw new AccountRuleViolation("displayName", "account.user.displayName.required");
		}
		if (displayName.trim().length() > 50) {
			throw new AccountRuleViolation("displayName", "account.user.displayName.tooLong");
		}
	}

	private static void requireRoles(Set<Role> roles) {
		if (roles == null || roles.isEmpty()) {
			throw new AccountRuleViolation("roles", "account.user.roles.required");
		}
	}

	private void requireLinkablePerson(long personId, Long accountId) {
		Person person = organization.person(personId)
			.orElseThrow(() -> new AccountRuleViolation("personId", "account.user.person.notFound"));
		if (!person.isActive()) {
			throw new AccountRuleViolation("personId", "account.user.person.inactive", person.getName());
		}
		boolean linked = accountId == null ? repository.existsByPersonId(personId)
				: repository.existsByPersonIdAndIdNot(personId, accountId);
		if (linked) {
			throw new AccountRuleViolation("personId", "account.user.person.linked", person.getName());
		}
	}

	private void requireAnotherActiveAdmin(UserAccount account) {
		if (!anotherActiveAdmin(account)) {
			throw new AccountRuleViolation("roles", "account.rule.lastAdmin");
		}
	}

	/** Whether an active administrator remains when this account stops being one. */
	private boolean anotherActiveAdmin(UserAccount account) {
		long active = repository.countActiveHolders(keeper);
		boolean thisOneCounts = account.hasRole(keeper) && account.isEnabled() && !account.isManuallyLocked();
		return active - (thisOneCounts ? 1 : 0) > 0;
	}

	private static boolean isCurrentUser(UserAccount account) {
		return CurrentUser.get().map(AuthenticatedUser::userId).filter(id -> id == account.getId()).isPresent();
	}

	private String personLabel(Long personId) {
		if (personId == null) {
			return texts.get("account.person.none");
		}
		return organization.person(personId).map(Person::getName).orElse("#" + personId);
	}

	private Instant now() {
		return Instant.now(clock);
	}

	static String normalize(String username) {
		return username == null ? null : username.trim().toLowerCase(Locale.ROOT);
	}

	static Specification<UserAccount> matching(AccountFilter filter, Instant now) {
		return (root, query, cb) -> {
			List<Predicate> where = new ArrayList<>();
			if (filter.keyword() != null && !filter.keyword().isBlank()) {
				String like = "%" + filter.keyword().trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
					.replace("%", "\\%").replace("_", "\\_") + "%";
				where.add(cb.or(cb.like(cb.lower(root.get("username")), like, '\\'),
						cb.like(cb.lower(root.get("displayName")), like, '\\')));
			}
			if (filter.role() != null) {
				where.add(cb.isMember(filter.role(), root.<Set<Role>>get("roles")));
			}
			if (filter.status() != null) {
				Predicate enabled = cb.isTrue(root.get("enabled"));
				Predicate locked = cb.or(cb.isTrue(root.get("manuallyLocked")),
						cb.greaterThan(root.get("lockedUntil"), now));
				where.add(switch (filter.status()) {
					case DISABLED -> cb.not(enabled);
					case LOCKED -> cb.and(enabled, locked);
					case ACTIVE -> cb.and(enabled, cb.isFalse(root.get("manuallyLocked")),
							cb.or(cb.isNull(root.get("lockedUntil")), cb.lessThanOrEqualTo(root.get("lockedUntil"), now)));
				});
			}
			return cb.and(where.toArray(Predicate[]::new));
		};
	}

}
