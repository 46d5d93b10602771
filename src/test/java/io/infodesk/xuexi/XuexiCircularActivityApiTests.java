package io.infodesk.xuexi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import io.infodesk.account.Accounts;
import io.infodesk.account.Role;
import io.infodesk.notification.Notifications;
import io.infodesk.organization.Person;
import io.infodesk.reporting.ReportingIntegrationTest;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.web.BusinessException;
import io.infodesk.xuexi.Figures.CadreFigures;
import io.infodesk.xuexi.XuexiActivities.ActivityForm;

/**
 * The weekly 通报 (DOCX opened and read), learning activities (S3.4-c) with their bad input, the reminders to the
 * cadres behind pace (a deadline per cadre in notification's Deadlines, an immediate notice through Notifications),
 * and the read-only API (figures, roster, articles; outside the data scope 404) on the demo data.
 */
class XuexiCircularActivityApiTests extends ReportingIntegrationTest {

	static final String PASSWORD = "Demo@2026";

	@Autowired
	XuexiCirculars circulars;

	@Autowired
	XuexiActivities activities;

	@Autowired
	XuexiReminders reminders;

	@Autowired
	XuexiFigures figures;

	@Autowired
	XuexiArticles articles;

	@Autowired
	Accounts accounts;

	@Autowired
	Notifications notifications;

	@Test
	void theWeeklyCircularCoversMondayToSundayAndOpensAsAnOfficialDocument() throws Exception {
		LocalDate lastWeek = LocalDate.now(clock).minusWeeks(1);
		XuexiCirculars.CircularPeriod week = XuexiCirculars.CircularPeriod.weekOf(lastWeek);
		assertThat(week.from().getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
		assertThat(week.to()).isEqualTo(week.from().plusDays(6));
		XuexiCirculars.Circular circular = circulars.circular(week, DataScope.all());
		assertThat(circular.figures().from()).isEqualTo(week.from());
		assertThat(circular.ranking()).isNotEmpty();
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(circulars.docx(circular)))) {
			String text = String.join("\n", document.getParagraphs().stream().map(XWPFParagraph::getText).toList());
			assertThat(text).contains("第" + week.weekOfYear() + "周", "学习情况的通报", "本周学习积分前十名");
			// the official layout numbers the headings (一、二、…): the wording carries no number of its own
			assertThat(text).contains("一、各单位学习情况", "二、本周学习积分前十名", "三、存在的问题", "四、下步要求")
				.doesNotContain("一、一、", "二、二、", "三、三、", "四、四、");
			assertThat(document.getTables()).isNotEmpty();
		}
		mvc.perform(get("/xuexi/circular/docx").param("week", lastWeek.toString()).with(as(user("personnel"))))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/vnd.openxmlformats")));
		mvc.perform(get("/xuexi/circular").param("week", lastWeek.toString()).with(as(user("personnel"))))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("第" + week.weekOfYear() + "周")));
		// a week not yet begun is refused
		assertThatThrownBy(() -> circulars.circular(XuexiCirculars.CircularPeriod.weekOf(LocalDate.now(clock).plusWeeks(1)),
				DataScope.all()))
			.extracting(ex -> ((BusinessException) ex).messageKey())
			.isEqualTo("xuexi.circular.error.future");
	}

	@Test
	void anActivityIsRecordedAndBadInputIsRefusedWithNothingSaved() {
		AuthenticatedUser publicist = logIn("publicist");
		long unit = unitId("物业管理科");
		LocalDate today = LocalDate.now(clock);
		XuexiActivities.Activity activity = activities.record(new ActivityForm(unit, today.minusDays(2),
				ActivityKind.PARTY_DAY, "学习党的二十届四中全会精神", 12, "赵雪、钱进等", "学习强国“学习文选”专栏"), publicist,
				scope());
		assertThat(activity.unitName()).isEqualTo("物业管理科");
		assertThat(activities.list(scope(), null, today.getYear())).extracting(XuexiActivities.Activity::id)
			.contains(activity.id());
		assertThat(activities.list(DataScope.units(List.of(unitId("住房保障科"))), null, null))
			.extracting(XuexiActivities.Activity::id)
			.doesNotContain(activity.id());

		refused(new ActivityForm(unit, today.plusDays(1), ActivityKind.PARTY_DAY, "主题", 5, null, "专栏"), publicist,
				"xuexi.activity.error.heldOnRange");
		refused(new ActivityForm(unit, today, null, "主题", 5, null, "专栏"), publicist, "xuexi.activity.error.kind");
		refused(new ActivityForm(unit, today, ActivityKind.OTHER, " ", 5, null, "专栏"), publicist,
				"xuexi.activity.error.topic");
		refused(new ActivityForm(unit, today, ActivityKind.OTHER, "主题", 0, null, "专栏"), publicist,
				"xuexi.activity.error.participants");
		refused(new ActivityForm(unit, today, ActivityKind.OTHER, "主题", 5, null, ""), publicist,
				"xuexi.activity.error.materials");
		refused(new ActivityForm(unitId("住房保障科"), today, ActivityKind.OTHER, "主题", 5, null, "专栏"), publicist,
				"xuexi.activity.error.unitOutOfScope");
	}

	private void refused(ActivityForm form, AuthenticatedUser user, String key) {
		long count = activities.count();
		assertThatThrownBy(() -> activities.record(form, user, scope())).isInstanceOf(XuexiException.class)
			.extracting(ex -> ((BusinessException) ex).messageKey())
			.isEqualTo(key);
		assertThat(activities.count()).isEqualTo(count);
	}

	@Test
	void aCadreBehindPaceGetsAWeeklyDeadlineAndAnImmediateNotice() {
		CadreFigures behind = figures.yearToDate(DataScope.all()).cadresBehind().get(0);
		Person person = organization.person(behind.personId()).orElseThrow();
		List<Long> existing = accounts.userIdsOfPersons(List.of(person.getId()));
		long userId = existing.isEmpty()
				? accounts.create("cadre" + person.getId(), person.getName(), person.getId(), Set.of(Role.STAFF)).accountId()
				: existing.get(0);
		assertThat(reminders.refreshPaceDeadlines()).isPositive();
		String key = XuexiReminders.key(LocalDate.now(clock).getYear(), person.getId());
		assertThat(jdbc.queryForObject("""
				select count(*) from notification_deadline d join notification_deadline_owner o on o.deadline_id = d.id
				where d.deadline_key = ? and o.user_id = ? and d.completed_at is null and d.type = 'XUEXI_PACE'""",
				Integer.class, key, userId)).isEqualTo(1);
		long unread = notifications.unreadCount(userId);
		assertThat(reminders.remindNow(logIn("personnel"))).isPositive();
		assertThat(notifications.unreadCount(userId)).isEqualTo(unread + 1);
		assertThatThrownBy(() -> reminders.remindNow(logIn("publicist")))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
	}

	@Test
	void theApiAnswersTheFiguresTheRosterAndTheArticlesWithinTheScope() throws Exception {
		String body = mvc.perform(get("/api/xuexi/figures").with(httpBasic("personnel", PASSWORD))
			.accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((Object) JsonPath.read(body, "$.bureau.registrationRate")).isNotNull();
		assertThat((List<?>) JsonPath.read(body, "$.cadres[?(@.behindBy > 0)]")).isNotEmpty();
		String roster = mvc.perform(get("/api/xuexi/roster").param("size", "5").with(httpBasic("personnel", PASSWORD))
			.accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((List<?>) JsonPath.read(roster, "$.content")).hasSize(5);
		assertThat((Integer) JsonPath.read(roster, "$.page")).isEqualTo(1);

		// an article of 住房保障科 is not found for the publicist of 物业管理科
		AuthenticatedUser office = logIn("office");
		Article other = articles.create(new ArticleForm(unitId("住房保障科"), unique("保障房分配"), "正文".repeat(300), 3,
				PlatformLevel.CITY, List.of(person("住房保障科", "曾晓").getId())), office, DataScope.all());
		mvc.perform(get("/api/xuexi/articles/" + other.id()).with(httpBasic("office", PASSWORD))
			.accept(MediaType.APPLICATION_JSON)).andExpect(status().isOk());
		mvc.perform(get("/api/xuexi/articles/" + other.id()).with(httpBasic("publicist", PASSWORD))
			.accept(MediaType.APPLICATION_JSON)).andExpect(status().isNotFound());
		String list = mvc.perform(get("/api/xuexi/articles").with(httpBasic("publicist", PASSWORD))
			.accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((List<String>) JsonPath.read(list, "$.content[*].unitName")).doesNotContain("住房保障科");
		// the publicist has no xuexi:view: the figures are refused
		mvc.perform(get("/api/xuexi/figures").with(httpBasic("publicist", PASSWORD)).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isForbidden());
	}

	@Test
	void theHomePageCardShowsTheThreeFiguresForThePersonnelSectionLeadersAndEachUnit() throws Exception {
		Figures all = figures.yearToDate(DataScope.all());
		// the personnel section and the bureau leaders: the bureau with every unit's line and the cadres behind named
		for (String login : List.of("personnel", "leader")) {
			String home = home(login);
			assertThat(home).contains("id=\"home-xuexi\"", "id=\"home-xuexi-units\"", "住房保障科", "物业管理科",
					"id=\"home-xuexi-behind\"", all.cadresBehind().get(0).name());
			assertThat(home).contains(String.format("%.1f%%", all.bureau().registrationRate() * 100));
		}
		// a unit head: the own unit's three figures only
		AuthenticatedUser head = user("head");
		Figures own = figures.yearToDate(DataScope.units(Set.of(head.unitId())));
		String home = home("head");
		assertThat(home).contains("id=\"home-xuexi\"", "范围：物业管理科").doesNotContain("id=\"home-xuexi-units\"");
		assertThat(home).contains(String.format("%.1f%%", own.bureau().registrationRate() * 100));
		// a leader in charge: the units in charge, not the others
		AuthenticatedUser charge = user("charge");
		DataScope scope = dataScopes.scopeOf(charge);
		String chargeHome = home("charge");
		for (Figures.UnitFigures unit : all.units()) {
			if (scope.includes(unit.unitId())) {
				assertThat(chargeHome).contains(unit.unitName());
			}
		}
		// a publicist holds no xuexi:view: no card
		assertThat(home("publicist")).doesNotContain("id=\"home-xuexi\"");
	}

	private String home(String login) throws Exception {
		return mvc.perform(get("/").with(as(user(login))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	@Autowired
	io.infodesk.notification.Preferences preferences;

	@Autowired
	io.infodesk.notification.internal.Channels channels;

	@Test
	void aCadreWhoSwitchedPaceRemindersOffKeepsThemInTheInboxButGetsNoDeliveryOnThatChannel() throws Exception {
		CadreFigures behind = figures.yearToDate(DataScope.all()).cadresBehind().get(1);
		List<Long> existing = accounts.userIdsOfPersons(List.of(behind.personId()));
		long userId = existing.isEmpty()
				? accounts.create("pace" + behind.personId(), behind.name(), behind.personId(), Set.of(Role.STAFF))
					.accountId()
				: existing.get(0);
		logIn("admin");
		channels.create(io.infodesk.notification.ChannelKind.WEBHOOK, "接口", "http://127.0.0.1:9/pace-hook", null, null,
				userId);
		// a type that is not urgent: the user may switch it off on every outgoing channel
		assertThat(io.infodesk.notification.NotificationType.XUEXI_PACE.urgent()).isFalse();
		preferences.save(userId, java.util.Map.of(io.infodesk.notification.NotificationType.XUEXI_PACE,
				Set.of(io.infodesk.notification.ChannelKind.WEBHOOK)), null);
		reminders.remindNow(logIn("personnel"));
		long off = latestPaceNotice(userId);
		assertThat(deliveries(off)).isZero();
		// switched on again: the next reminder goes out on the channel as well
		preferences.save(userId, java.util.Map.of(), null);
		reminders.remindNow(logIn("personnel"));
		long on = latestPaceNotice(userId);
		assertThat(on).isGreaterThan(off);
		assertThat(deliveries(on)).isEqualTo(1);
	}

	private long latestPaceNotice(long userId) {
		return jdbc.queryForObject(
				"select max(id) from notification_inbox where recipient_user_id = ? and type = 'XUEXI_PACE'", Long.class,
				userId);
	}

	private int deliveries(long notificationId) {
		return jdbc.queryForObject("select count(*) from notification_delivery where notification_id = ?", Integer.class,
				notificationId);
	}

	@Test
	void anActivitysMaterialsAreFilesCheckedByContentAndDownloadedWithinTheScope() throws Exception {
		java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB),
				"png", png);
		LocalDate day = LocalDate.now(clock).minusDays(3);
		String topic = unique("主题党日材料");
		var post = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/xuexi/activities")
			.file(new org.springframework.mock.web.MockMultipartFile("files", "合影.png", "image/png", png.toByteArray()))
			.param("unitId", String.valueOf(unitId("物业管理科")))
			.param("heldOn", day.toString())
			.param("kind", "PARTY_DAY")
			.param("topic", topic)
			.param("participants", "9")
			.param("attendees", "孙伟、邓文")
			.param("materials", "学习强国“学习文选”专栏")
			.with(as(user("publicist")))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
		mvc.perform(post).andExpect(status().is3xxRedirection());
		XuexiActivities.Activity saved = activities.list(DataScope.all(), null, null)
			.stream()
			.filter(a -> a.topic().equals(topic))
			.findFirst()
			.orElseThrow();
		assertThat(saved.attendees()).isEqualTo("孙伟、邓文");
		assertThat(saved.files()).singleElement().satisfies(f -> {
			assertThat(f.fileName()).isEqualTo("合影.png");
			assertThat(f.type()).isEqualTo(io.infodesk.shared.files.FileType.PNG);
		});
		long fileId = saved.files().get(0).id();
		byte[] back = mvc.perform(get("/xuexi/activities/" + saved.id() + "/files/" + fileId).with(as(user("publicist"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(back).isEqualTo(png.toByteArray());
		// another unit's reader does not get it
		mvc.perform(get("/xuexi/activities/" + saved.id() + "/files/" + fileId)
			.with(as(member("住房保障科", "曾晓", Role.UNIT_HEAD)))).andExpect(status().isNotFound());

		// an executable disguised as a PDF is refused by its content, and nothing is saved
		long count = activities.count();
		io.infodesk.shared.files.Upload fake = new io.infodesk.shared.files.Upload("材料.pdf", 8,
				new org.springframework.core.io.ByteArrayResource(new byte[] { 'M', 'Z', 0, 0, 1, 2, 3, 4 }));
		assertThatThrownBy(() -> activities.record(new ActivityForm(unitId("物业管理科"), day, ActivityKind.PARTY_DAY,
				unique("伪装文件"), 5, null, "专栏"), List.of(fake), logIn("publicist"), scope()))
			.isInstanceOf(XuexiException.class)
			.extracting(ex -> ((BusinessException) ex).messageKey())
			.isEqualTo("xuexi.activity.error.file");
		assertThat(activities.count()).isEqualTo(count);
	}

}
