package io.infodesk.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.infodesk.account.internal.AccountUserDetailsService;
import io.infodesk.audit.MutableClock;
import io.infodesk.audit.MutableClockConfiguration;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.reporting.item.Angle;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.InformationItems;
import io.infodesk.reporting.item.ItemForm;
import io.infodesk.reporting.item.ItemKind;
import io.infodesk.reporting.item.SourceTag;
import io.infodesk.reporting.item.VerificationForm;
import io.infodesk.reporting.item.VerificationMethod;
import io.infodesk.review.DocumentRef;
import io.infodesk.review.ReviewChains;
import io.infodesk.review.ReviewProcess;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;

/**
 * Base of the reporting module's integration tests: the whole application on an in-memory H2 with the demo
 * organisation and demo accounts (profile demo), a clock the tests set, MockMvc. All these tests share one
 * Spring context; each test makes its own items and never assumes empty tables.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
@Import(MutableClockConfiguration.class)
public abstract class ReportingIntegrationTest {

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected AccountUserDetailsService users;

	@Autowired
	protected MutableClock clock;

	@Autowired
	protected Organization organization;

	@Autowired
	protected DataScopes dataScopes;

	@Autowired
	protected InformationItems items;

	@Autowired
	protected JdbcTemplate jdbc;

	@BeforeEach
	void resetClock() {
		clock.reset();
	}

	@AfterEach
	void logOut() {
		SecurityContextHolder.clearContext();
	}

	/** A demo account as the real login builds it. */
	protected AuthenticatedUser user(String username) {
		return (AuthenticatedUser) users.loadUserByUsername(username);
	}

	/** Makes the demo account the current user of this thread (for services and the audit trail). */
	protected AuthenticatedUser logIn(String username) {
		AuthenticatedUser user = user(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		return user;
	}

	/** Makes any principal the current user of this thread. */
	protected AuthenticatedUser logIn(AuthenticatedUser user) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		return user;
	}

	/**
	 * A user without a demo account: the given roles, linked to the person of that unit, with exactly the
	 * permissions the roles give.
	 */
	protected AuthenticatedUser member(String unitName, String personName, io.infodesk.account.Role... roles) {
		Person person = person(unitName, personName);
		java.util.Set<String> names = java.util.Arrays.stream(roles).map(Enum::name).collect(java.util.stream.Collectors.toSet());
		java.util.Set<String> permissions = java.util.Arrays.stream(roles)
			.flatMap(role -> role.permissions().stream())
			.collect(java.util.stream.Collectors.toSet());
		return new AuthenticatedUser(800_000 + person.getId(), "member-" + person.getId(), "{noop}x", personName,
				person.getId(), person.getUnitId(), unitName, names, permissions, true, false, false);
	}

	/** The data scope of the user logged in on this thread. */
	protected DataScope scope() {
		return dataScopes.current();
	}

	protected static RequestPostProcessor as(AuthenticatedUser user) {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(user);
	}

	protected Person person(String unitName, String name) {
		return organization.personNamed(unitName, name).orElseThrow();
	}

	protected long unitId(String unitName) {
		return organization.activeUnits()
			.stream()
			.filter(unit -> unit.getName().equals(unitName))
			.findFirst()
			.orElseThrow()
			.getId();
	}

	/** A form for an item of 物业管理科 written by 赵雪 alone. */
	protected ItemForm form(String title) {
		return form(title, "物业管理科", List.of(new ItemForm.AuthorEntry(person("物业管理科", "赵雪").getId(), null)));
	}

	protected ItemForm form(String title, String unitName, List<ItemForm.AuthorEntry> authors) {
		return new ItemForm(title, ItemKind.GOVERNMENT, unitId(unitName),
				"区住建局推进老旧小区物业管理全覆盖。\n今年以来新增物业服务覆盖小区 12 个。", Set.of(Angle.NEW_HIGHLIGHT),
				Set.of(SourceTag.CORE_DUTY), new ArrayList<>(authors), 0);
	}

	/** A draft of the publicist 赵雪 (物业管理科); logs the publicist in. */
	protected InformationItem draft(String title) {
		AuthenticatedUser publicist = logIn("publicist");
		return items.create(form(title), publicist, scope());
	}

	@Autowired
	protected ReviewChains reviewChains;

	/** A draft of the publicist with a verification record, submitted for review; logs the publicist in. */
	protected InformationItem submitted(String title) {
		InformationItem item = draft(title);
		verify(item, "publicist");
		items.submitForReview(item.getId(), user("publicist"), scope());
		return items.get(item.getId());
	}

	protected void verify(InformationItem item, String username) {
		AuthenticatedUser user = logIn(username);
		items.addVerification(item.getId(), new VerificationForm(VerificationMethod.PHONE_CALLBACK, user.displayName(),
				"区物业协会", java.time.LocalDate.now(clock), "数据属实"), user, scope());
	}

	/** Approves the current step as the user (logged in for the call). */
	protected ReviewProcess approve(InformationItem item, String username) {
		return approve(item, user(username));
	}

	protected ReviewProcess approve(InformationItem item, AuthenticatedUser reviewer) {
		logIn(reviewer);
		ReviewProcess process = reviewChains.process(InformationItem.ref(item.getId())).orElseThrow();
		return reviewChains.approve(InformationItem.ref(item.getId()), process.getRound(), process.getCurrentStep(), null,
				reviewer);
	}

	/** Drafted, verified and taken through the whole default chain: signed off. */
	protected InformationItem signedOff(String title) {
		InformationItem item = submitted(title);
		approve(item, "head");
		approve(item, "office");
		approve(item, "charge");
		return items.get(item.getId());
	}

	protected int auditCount(String action, long itemId) {
		return jdbc.queryForObject("select count(*) from audit_entry where action = ? and entity_id = ?",
				Integer.class, action, String.valueOf(itemId));
	}

	/** An instant given as Asia/Shanghai wall-clock time. */
	protected static java.time.Instant shanghai(int year, int month, int day, int hour, int minute, int second) {
		return java.time.LocalDateTime.of(year, month, day, hour, minute, second)
			.atZone(io.infodesk.shared.time.TimeConfiguration.ZONE)
			.toInstant();
	}

	protected static String unique(String title) {
		return title + "-" + java.util.UUID.randomUUID().toString().substring(0, 6);
	}

}
