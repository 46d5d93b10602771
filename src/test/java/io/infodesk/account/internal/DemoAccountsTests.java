package io.infodesk.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.util.ReflectionTestUtils;

import io.infodesk.account.Role;
import io.infodesk.account.UserAccount;
import io.infodesk.audit.AuditRecord;
import io.infodesk.audit.AuditTrail;
import io.infodesk.audit.MutableClock;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.shared.text.Texts;

class DemoAccountsTests {

	UserAccountRepository repository = mock(UserAccountRepository.class);

	Organization organization = mock(Organization.class);

	AuditTrail audit = mock(AuditTrail.class);

	BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);

	DemoAccounts demo = new DemoAccounts(repository, organization, encoder, audit, texts(), new MutableClock());

	List<UserAccount> saved = new ArrayList<>();

	@Test
	void createsOneAccountPerRoleLinkedToTheDemoPeopleWithoutAForcedChange() {
		when(repository.count()).thenReturn(0L);
		when(repository.save(any())).thenAnswer(call -> {
			UserAccount account = call.getArgument(0);
			ReflectionTestUtils.setField(account, "id", (long) saved.size() + 1);
			saved.add(account);
			return account;
		});
		when(organization.personNamed(anyString(), anyString())).thenReturn(Optional.empty());
		when(organization.personNamed("物业管理科", "赵雪")).thenReturn(Optional.of(person(42L, "赵雪")));

		demo.run(new DefaultApplicationArguments());

		assertThat(saved).extracting(UserAccount::getUsername)
			.containsExactly("admin", "leader", "charge", "office", "personnel", "head", "publicist", "staff", "head2",
				"publicist2", "security", "auditor");
		Map<String, UserAccount> byName = saved.stream().collect(Collectors.toMap(UserAccount::getUsername, a -> a));
		// every role once, and the head and publicist of the second unit (住房保障科) again
		assertThat(saved.stream().flatMap(a -> a.getRoles().stream()).distinct().toList())
			.containsExactlyInAnyOrder(Role.values());
		assertThat(byName.get("head2").getRoles()).containsExactly(Role.UNIT_HEAD);
		assertThat(byName.get("publicist2").getRoles()).containsExactly(Role.PUBLICIST);
		assertThat(saved).allSatisfy(account -> {
			assertThat(account.isMustChangePassword()).isFalse();
			assertThat(encoder.matches("Demo@2026", account.getPasswordHash())).isTrue();
		});
		assertThat(byName.get("publicist").getPersonId()).isEqualTo(42L);
		assertThat(byName.get("publicist").getRoles()).containsExactly(Role.PUBLICIST);
		// the person is missing (organisation demo data not there): the account is made without one
		assertThat(byName.get("staff").getPersonId()).isNull();
		assertThat(byName.get("admin").getDisplayName()).isEqualTo("系统管理员");
		verify(audit, times(DemoAccounts.LOGINS.size())).record(any(AuditRecord.class));
	}

	@Test
	void doesNothingWhenAnyAccountExists() {
		when(repository.count()).thenReturn(1L);
		demo.run(new DefaultApplicationArguments());
		verify(repository, never()).save(any());
		verify(audit, never()).record(any(AuditRecord.class));
	}

	@Test
	void theStartupBannerPrintsTheUrlAndInTheDemoProfileTheLogins() {
		StartupBanner banner = new StartupBanner(texts());
		String demoText = banner.banner("http://localhost:18082", true);
		assertThat(demoText).contains("InfoDesk 已启动: http://localhost:18082")
			.contains("publicist", "Demo@2026", "信息宣传员", "赵雪（物业管理科）")
			.contains("admin", "系统管理员");
		String plain = banner.banner("http://localhost:8080", false);
		assertThat(plain).contains("InfoDesk 已启动: http://localhost:8080").doesNotContain("Demo@2026");
	}

	@Test
	void theDemoTableIsPrintedWhenDemoIsTheDefaultProfileToo() {
		MockEnvironment byDefault = new MockEnvironment();
		byDefault.setDefaultProfiles("demo");
		assertThat(StartupBanner.demo(byDefault)).isTrue();
		MockEnvironment postgres = new MockEnvironment();
		postgres.setDefaultProfiles("demo");
		postgres.setActiveProfiles("postgres");
		assertThat(StartupBanner.demo(postgres)).isFalse();
	}

	static Person person(long id, String name) {
		Person person = new Person(name, 1L, Instant.now());
		ReflectionTestUtils.setField(person, "id", id);
		return person;
	}

	static Texts texts() {
		StaticMessageSource messages = new StaticMessageSource();
		io.infodesk.support.SourceFiles.messages()
			.forEach((key, value) -> messages.addMessage((String) key, Locale.SIMPLIFIED_CHINESE, (String) value));
		return new Texts(messages);
	}

}
