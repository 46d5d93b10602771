package io.infodesk.reporting.solicitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

import io.infodesk.reporting.AdministrativeLevel;
import io.infodesk.reporting.ReportingException;
import io.infodesk.reporting.ReportingIntegrationTest;
import io.infodesk.reporting.inbox.WorkInbox;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.ItemForm;
import io.infodesk.reporting.outcome.BodyForm;
import io.infodesk.reporting.outcome.ReportingBody;
import io.infodesk.shared.security.AuthenticatedUser;

/** Solicitations (约稿, S3.1-c): registering, answerable units and owners, lists from the clock, answers. */
class SolicitationsTests extends ReportingIntegrationTest {

	@Autowired
	Solicitations solicitations;

	@Autowired
	WorkInbox inbox;

	private long body(String shortName) {
		return solicitations.bodies().stream().filter(b -> b.getShortName().equals(shortName)).findFirst().orElseThrow().getId();
	}

	/** Registered by the office: due in the given time from the test clock, for 物业管理科 (owner 赵雪) unless other units are named. */
	Solicitation solicitation(String topic, Duration dueIn, String... unitNames) {
		AuthenticatedUser office = logIn("office");
		LocalDateTime deadline = LocalDateTime.ofInstant(clock.instant().plus(dueIn), clock.getZone());
		List<Long> units = unitNames.length == 0 ? List.of(unitId("物业管理科"))
				: java.util.Arrays.stream(unitNames).map(this::unitId).toList();
		List<Long> owners = unitNames.length == 0 ? List.of(person("物业管理科", "赵雪").getId()) : List.of();
		return solicitations.register(new SolicitationForm(body("区委办"), topic, "800 字以内，附照片", LocalDate.now(clock),
				deadline, units, owners), office);
	}

	@Test
	void seededDirectoryHasTheDistrictOfficesAndTheCityBureau() {
		assertThat(solicitations.bodies()).extracting(ReportingBody::getShortName)
			.contains("区委办", "区政府办", "市住建局");
		assertThat(solicitations.body(body("市住建局")).getLevel()).isEqualTo(AdministrativeLevel.CITY);
	}

	@Test
	void registeringRefusesBadInputWithChineseMessagesAndSavesNothing() {
		AuthenticatedUser office = logIn("office");
		int before = jdbc.queryForObject("select count(*) from rpt_solicitation", Integer.class);
		LocalDate today = LocalDate.now(clock);
		assertRefused(() -> solicitations.register(new SolicitationForm(body("区委办"), "无单位", null, today,
				today.plusDays(1).atTime(17, 0), List.of(), List.of()), office), "reporting.solicitation.units.required");
		assertRefused(() -> solicitations.register(new SolicitationForm(body("区委办"), "明天收到", null, today.plusDays(1),
				today.plusDays(2).atTime(17, 0), List.of(unitId("城建科")), List.of()), office),
				"reporting.solicitation.receivedOn.future");
		assertRefused(() -> solicitations.register(new SolicitationForm(body("区委办"), "先截止后收到", null, today,
				today.minusDays(1).atTime(17, 0), List.of(unitId("城建科")), List.of()), office),
				"reporting.solicitation.deadline.beforeReceived");
		assertThat(jdbc.queryForObject("select count(*) from rpt_solicitation", Integer.class)).isEqualTo(before);
		assertThatThrownBy(() -> solicitations.register(new SolicitationForm(body("区委办"), "宣传员登记", null, today,
				today.plusDays(1).atTime(17, 0), List.of(unitId("城建科")), List.of()), logIn("publicist")))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
	}

	private void assertRefused(Runnable action, String key) {
		assertThatThrownBy(action::run).isInstanceOf(ReportingException.class).hasMessage(key);
	}

	@Test
	void overdueAndDueWithinADayFollowTheClock() {
		String marker = unique("时限");
		Solicitation soon = solicitation(marker + "明天到期", Duration.ofHours(20));
		Solicitation later = solicitation(marker + "三天后到期", Duration.ofDays(3));
		AuthenticatedUser office = user("office");

		assertThat(titles(solicitations.dueSoon(scope(), office))).contains(soon.getTopic()).doesNotContain(later.getTopic());
		assertThat(titles(solicitations.overdue(scope(), office))).doesNotContain(soon.getTopic());

		clock.advance(Duration.ofHours(21));
		assertThat(titles(solicitations.overdue(scope(), office))).contains(soon.getTopic());
		assertThat(solicitations.get(soon.getId()).statusAt(clock.instant())).isEqualTo(SolicitationStatus.MISSED);

		clock.advance(Duration.ofDays(2));
		assertThat(titles(solicitations.dueSoon(scope(), office))).contains(later.getTopic());
		assertThat(titles(solicitations.list(new SolicitationFilter(marker, null, null, "OPEN"), scope(), office)))
			.containsExactly(later.getTopic());
		assertThat(auditCount("SOLICITATION_REGISTERED", soon.getId())).isEqualTo(1);
	}

	private static List<String> titles(List<Solicitation> list) {
		return list.stream().map(Solicitation::getTopic).toList();
	}

	@Test
	void unitsSeeTheirSolicitationsAndOwnersAndResponsibleStaffFindThemInTheInbox() {
		String marker = unique("范围约稿");
		Solicitation ours = solicitation(marker + "物业", Duration.ofDays(2));
		Solicitation theirs = solicitation(marker + "城建", Duration.ofDays(2), "城建科");
		SolicitationFilter filter = new SolicitationFilter(marker, null, null, null);

		AuthenticatedUser publicist = logIn("publicist");
		assertThat(solicitations.search(filter, scope(), publicist, Pageable.ofSize(20)).map(Solicitation::getTopic))
			.containsExactly(ours.getTopic());
		AuthenticatedUser office = logIn("office");
		assertThat(solicitations.search(filter, scope(), office, Pageable.ofSize(20)).getTotalElements()).isEqualTo(2);

		assertThat(inbox.entries(user("publicist"))).anySatisfy(entry -> {
			assertThat(entry.kind()).isEqualTo(WorkInbox.Kind.SOLICITATION);
			assertThat(entry.title()).isEqualTo(ours.getTopic());
		});
		assertThat(inbox.entries(user("head")).stream().map(WorkInbox.Entry::title)).contains(ours.getTopic())
			.doesNotContain(theirs.getTopic());
		assertThat(inbox.entries(user("staff")).stream().map(WorkInbox.Entry::title)).doesNotContain(ours.getTopic());
	}

	@Test
	void anItemAnswersASolicitationAndTheFirstDeliveryToTheAskingBodyCounts() {
		Solicitation asked = solicitation(unique("答复"), Duration.ofDays(1));
		AuthenticatedUser publicist = logIn("publicist");
		ItemForm base = form(unique("答复信息"));
		InformationItem item = items.create(new ItemForm(base.title(), base.kind(), base.unitId(), base.body(),
				base.angles(), base.sources(), base.authors(), 0, asked.getId()), publicist, scope());
		assertThat(solicitations.answers(asked.getId())).extracting(InformationItem::getId).containsExactly(item.getId());

		logIn("office");
		assertThat(solicitations.deliver(asked.getId(), item.getId(), body("市住建局"), clock.instant())).isFalse();
		clock.advance(Duration.ofHours(2));
		assertThat(solicitations.deliver(asked.getId(), item.getId(), body("区委办"), clock.instant())).isTrue();
		assertThat(solicitations.deliver(asked.getId(), item.getId(), body("区委办"), clock.instant())).isFalse();
		assertThat(solicitations.get(asked.getId()).statusAt(clock.instant()))
			.isEqualTo(SolicitationStatus.DELIVERED_ON_TIME);
		assertThat(inbox.entries(user("publicist")).stream().map(WorkInbox.Entry::title)).doesNotContain(asked.getTopic());
	}

	@Test
	void anItemCannotAnswerASolicitationOfAnotherUnit() {
		Solicitation theirs = solicitation(unique("他科约稿"), Duration.ofDays(1), "城建科");
		AuthenticatedUser publicist = logIn("publicist");
		ItemForm base = form(unique("越权答复"));
		assertThatThrownBy(() -> items.create(new ItemForm(base.title(), base.kind(), base.unitId(), base.body(),
				base.angles(), base.sources(), base.authors(), 0, theirs.getId()), publicist, scope()))
			.isInstanceOf(ReportingException.class)
			.hasMessage("reporting.item.solicitation.unavailable");
	}

	@Test
	void directoryEntriesAreUniqueAndOnlyForSettingsHolders() {
		AuthenticatedUser admin = logIn("admin");
		String name = unique("区发改委");
		ReportingBody created = solicitations.createBody(new BodyForm(name, unique("发改"), AdministrativeLevel.DISTRICT, 70),
				admin);
		assertThatThrownBy(() -> solicitations.createBody(new BodyForm(name, unique("发改"), AdministrativeLevel.DISTRICT, 70),
				admin)).isInstanceOf(ReportingException.class).hasMessage("reporting.body.name.taken");
		solicitations.setBodyActive(created.getId(), false, admin);
		assertThat(solicitations.activeBodies()).extracting(ReportingBody::getId).doesNotContain(created.getId());
		assertThatThrownBy(() -> solicitations.createBody(new BodyForm(unique("区住建委"), unique("住建"),
				AdministrativeLevel.DISTRICT, 80), logIn("publicist")))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
	}

}
