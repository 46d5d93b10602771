package io.infodesk.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import io.infodesk.account.Role;
import io.infodesk.publicity.MediaTier;
import io.infodesk.publicity.Outlet;
import io.infodesk.publicity.OutletForm;
import io.infodesk.publicity.Outlets;
import io.infodesk.shared.security.DataScope;
import io.infodesk.support.TestUsers;
import io.infodesk.xuexi.RosterMember;

/**
 * Personal data at rest (issue 17, GB/T 22239 8.1.4.8 / GB/T 39786): phones and e-mails of the organisation, the
 * 学习强国 roster and the media contacts are stored encrypted with SM4-GCM; the database, read raw through JDBC,
 * holds no clear number in any column of any table (the audit trail shows it masked); the values read back whole,
 * the people list still finds a person by the whole number (keyed hash), and values stored in clear before are
 * encrypted at start.
 */
@OrganizationIntegrationTest
class PersonalDataAtRestTests {

	@Autowired
	People people;

	@Autowired
	Outlets outlets;

	@Autowired
	OrgFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EntityManager entityManager;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationContext context;

	@AfterEach
	void logOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aPhoneIsStoredEncryptedReadBackWholeAndFoundByTheWholeNumber() {
		Unit unit = fixtures.unit("住房保障科");
		Person person = people.create(new PersonForm("钱明", unit.getId(), "科员", "13911112222", false, false, false, 10));
		people.update(person.getId(), new PersonForm("钱明", unit.getId(), "科员", "13933334444", false, false, false, 10));

		Map<String, Object> row = jdbc.queryForMap("select phone, phone_hash from org_person where id = ?", person.getId());
		assertThat((String) row.get("phone")).startsWith("sm4:").doesNotContain("3933334444");
		assertThat((String) row.get("phone_hash")).startsWith("hm3:").doesNotContain("3933334444");
		assertThat(people.get(person.getId()).getPhone()).isEqualTo("13933334444");

		assertThat(people.search(new PersonFilter("13933334444", null, null, null, null, ActiveStatus.ALL),
				DataScope.all(), org.springframework.data.domain.PageRequest.of(0, 10)).getContent())
			.extracting(Person::getId)
			.containsExactly(person.getId());
		assertThat(people.list(new PersonFilter("13911112222", null, null, null, null, ActiveStatus.ALL),
				DataScope.all())).isEmpty();
		assertThat(people.list(new PersonFilter("钱明", null, null, null, null, ActiveStatus.ALL), DataScope.all()))
			.extracting(Person::getId)
			.contains(person.getId());

		// the audit trail records the change, masked
		assertThat(jdbc.queryForObject("select summary from audit_entry where action = 'PERSON_UPDATED' and entity_id = ? "
				+ "order by seq desc limit 1", String.class, String.valueOf(person.getId())))
			.contains("139****1111".replace("1111", "2222"), "139****4444");

		assertThat(clearOccurrences("3911112222")).isEmpty();
		assertThat(clearOccurrences("3933334444")).isEmpty();
	}

	@Autowired
	io.infodesk.shared.crypto.SecretSettings secretSettings;

	@Autowired
	io.infodesk.shared.crypto.SecretCipher secretCipher;

	@Autowired
	io.infodesk.shared.crypto.KeyedHash keyedHash;

	@Test
	void theSecretKeyIsRotatedEveryValueReEncryptedAndTheKeyedHashesRecomputedAndBackAgain() throws Exception {
		Unit unit = fixtures.unit("密钥轮换科");
		Person person = people.create(new PersonForm("轮换", unit.getId(), "科员", "13955550123", false, false, false, 10));
		String before = jdbc.queryForObject("select phone from org_person where id = ?", String.class, person.getId());
		String oldKey = secretSettings.key() != null && !secretSettings.key().isBlank() ? secretSettings.key()
				: java.nio.file.Files.readString(secretSettings.keyFile()).strip();
		byte[] fresh = new byte[16];
		new java.security.SecureRandom().nextBytes(fresh);
		String newKey = org.bouncycastle.util.encoders.Hex.toHexString(fresh);

		// what a start with the new secret.key and the former one under infodesk.secrets.retired-keys does
		var rotated = new io.infodesk.shared.crypto.SecretCipher(
				new io.infodesk.shared.crypto.SecretSettings(newKey, null, List.of(oldKey)));
		var rotatedHash = new io.infodesk.shared.crypto.KeyedHash(rotated);
		var forward = new io.infodesk.shared.crypto.SecretKeyRotation(jdbc, rotated, rotatedHash).rotate();
		try {
			assertThat(forward.reencrypted()).isGreaterThanOrEqualTo(1);
			assertThat(forward.rehashed()).isGreaterThanOrEqualTo(1);
			assertThat(forward.unreadable()).isZero();
			Map<String, Object> row = jdbc.queryForMap("select phone, phone_hash from org_person where id = ?",
					person.getId());
			String phone = (String) row.get("phone");
			assertThat(phone).startsWith("sm4:").isNotEqualTo(before);
			assertThat(rotated.current(phone)).isTrue();
			assertThat(rotated.decrypt(phone)).isEqualTo("13955550123");
			assertThat(row.get("phone_hash")).isEqualTo(rotatedHash.of("13955550123"));
			// no value is left under the old key anywhere, and a second run finds nothing to do
			assertThat(new io.infodesk.shared.crypto.SecretKeyRotation(jdbc, rotated, rotatedHash).rotate())
				.isEqualTo(new io.infodesk.shared.crypto.SecretKeyRotation.Result(0, 0, 0));
			assertThat(secretCipher.current(phone)).isFalse();
		}
		finally {
			// and back to the context's key, the same way (the rest of the tests share this database)
			var back = new io.infodesk.shared.crypto.SecretCipher(
					new io.infodesk.shared.crypto.SecretSettings(oldKey, null, List.of(newKey)));
			new io.infodesk.shared.crypto.SecretKeyRotation(jdbc, back, keyedHash).rotate();
		}
		assertThat(people.get(person.getId()).getPhone()).isEqualTo("13955550123");
		assertThat(jdbc.queryForObject("select phone_hash from org_person where id = ?", String.class, person.getId()))
			.isEqualTo(keyedHash.of("13955550123"));
		assertThat(people.list(new PersonFilter("13955550123", null, null, null, null, ActiveStatus.ALL),
				DataScope.all())).extracting(Person::getId).containsExactly(person.getId());
	}

	@Test
	void mediaContactsAndRosterPhonesAreEncryptedAndValuesStoredBeforeAreEncryptedAtStart() {
		var office = TestUsers.of(Role.OFFICE_EDITOR);
		TestUsers.logIn(office);
		Outlet outlet = outlets.create(new OutletForm(OrgFixtures.unique("区融媒体中心"), MediaTier.DISTRICT,
				Outlet.Kind.NEW_MEDIA, null, List.of(new OutletForm.ContactEntry("孙编辑", "记者", "13755556666",
						"sun.editor@example.cn"))),
				office);
		assertThat(jdbc.queryForObject("select phone from pub_outlet_contact where outlet_id = ?", String.class,
				outlet.getId())).startsWith("sm4:");
		Outlet.Contact contact = transactions
			.execute(tx -> entityManager.find(Outlet.class, outlet.getId()).getContacts().get(0));
		assertThat(contact.getPhone()).isEqualTo("13755556666");
		assertThat(contact.getEmail()).isEqualTo("sun.editor@example.cn");

		// values written in clear before the upgrade: a person's phone, a roster member's, an unmatched identity
		Unit unit = fixtures.unit("村镇建设科");
		Person person = people.create(new PersonForm("李清", unit.getId(), "科员", null, false, false, false, 10));
		jdbc.update("update org_person set phone = '13677778888', phone_hash = null where id = ?", person.getId());
		jdbc.update("insert into xuexi_member (person_id, unit_id, required, platform_phone, registered, created_at, "
				+ "updated_at, version) values (?, ?, true, '13677779999', false, ?, ?, 0)", person.getId(), unit.getId(),
				java.sql.Timestamp.from(Instant.now()), java.sql.Timestamp.from(Instant.now()));
		jdbc.update("insert into xuexi_unmatched (identity_key, platform_name, platform_phone, status, first_seen) "
				+ "values ('NP:周平|13677770000', '周平', '13677770000', 'OPEN', ?)", java.sql.Timestamp.from(Instant.now()));
		jdbc.update("insert into pub_outlet_contact (outlet_id, position, name, phone, email) values (?, 1, '吴记者', "
				+ "'13677771111', 'wu@example.cn')", outlet.getId());
		assertThat(clearOccurrences("3677778888")).isNotEmpty();

		runAtRestRunners();

		for (String number : List.of("3677778888", "3677779999", "3677770000", "3677771111", "3755556666")) {
			assertThat(clearOccurrences(number)).as(number).isEmpty();
		}
		assertThat(clearOccurrences("wu@example.cn")).isEmpty();
		assertThat(people.get(person.getId()).getPhone()).isEqualTo("13677778888");
		assertThat(people.list(new PersonFilter("13677778888", null, null, null, null, ActiveStatus.ALL),
				DataScope.all())).extracting(Person::getId).containsExactly(person.getId());
		Long memberId = jdbc.queryForObject("select id from xuexi_member where person_id = ?", Long.class,
				person.getId());
		String rosterPhone = transactions
			.execute(tx -> entityManager.find(RosterMember.class, memberId).getPlatformPhone());
		assertThat(rosterPhone).isEqualTo("13677779999");
		List<Outlet.Contact> contacts = transactions
			.execute(tx -> entityManager.find(Outlet.class, outlet.getId()).getContacts());
		assertThat(contacts).extracting(Outlet.Contact::getEmail)
			.containsExactly("sun.editor@example.cn", "wu@example.cn");
		// running again changes nothing
		String stored = jdbc.queryForObject("select phone from org_person where id = ?", String.class, person.getId());
		runAtRestRunners();
		assertThat(jdbc.queryForObject("select phone from org_person where id = ?", String.class, person.getId()))
			.isEqualTo(stored);
	}

	private void runAtRestRunners() {
		context.getBeansOfType(ApplicationRunner.class).values().stream()
			.filter(runner -> org.springframework.aop.support.AopUtils.getTargetClass(runner).getSimpleName()
				.endsWith("PersonalDataAtRest"))
			.forEach(runner -> {
				try {
					runner.run(null);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
	}

	/** Every "table.column" of the database whose text holds the value anywhere, read raw through JDBC. */
	private List<String> clearOccurrences(String value) {
		List<String> found = new ArrayList<>();
		List<Map<String, Object>> columns = jdbc.queryForList("select table_name, column_name from "
				+ "information_schema.columns where table_schema = 'PUBLIC' and data_type in ('CHARACTER VARYING', "
				+ "'CHARACTER LARGE OBJECT', 'CHARACTER')");
		for (Map<String, Object> column : columns) {
			String table = (String) column.get("table_name");
			String name = (String) column.get("column_name");
			Integer count = jdbc.queryForObject("select count(*) from \"" + table + "\" where cast(\"" + name
					+ "\" as varchar) like ?", Integer.class, "%" + value + "%");
			if (count != null && count > 0) {
				found.add(table + "." + name);
			}
		}
		return found;
	}

}
