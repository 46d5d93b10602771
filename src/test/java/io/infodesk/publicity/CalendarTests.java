package io.infodesk.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.infodesk.account.Role;
import io.infodesk.assessment.AssessmentIntegrationTest;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * S3.2-c, the publicity calendar: lunar and solar-term holidays computed for 2024–2035 against the published days;
 * the iCalendar feed parsed back by a real parser (ical4j) with Chinese text and Asia/Shanghai times, without another
 * unit's private nodes, 401 for a wrong or revoked token; the month view beside 5·12 and the plans' nodes; events
 * with reminders through the deadlines; bad input refused in Chinese, nothing saved.
 */
class CalendarTests extends AssessmentIntegrationTest {

	/** Published days (国务院办公厅 holiday notices; 紫金山天文台 calendars) of 春节, 清明, 端午, 中秋 2024–2035. */
	static final String[][] PUBLISHED = { { "2024", "02-10", "04-04", "06-10", "09-17" },
			{ "2025", "01-29", "04-04", "05-31", "10-06" }, { "2026", "02-17", "04-05", "06-19", "09-25" },
			{ "2027", "02-06", "04-05", "06-09", "09-15" }, { "2028", "01-26", "04-04", "05-28", "10-03" },
			{ "2029", "02-13", "04-04", "06-16", "09-22" }, { "2030", "02-03", "04-05", "06-05", "09-12" },
			{ "2031", "01-23", "04-05", "06-24", "10-01" }, { "2032", "02-11", "04-04", "06-12", "09-19" },
			{ "2033", "01-31", "04-04", "06-01", "09-08" }, { "2034", "02-19", "04-05", "06-20", "09-27" },
			{ "2035", "02-08", "04-05", "06-10", "09-16" } };

	@Autowired
	PublicityCalendar calendar;

	@Autowired
	CalendarFeeds feeds;

	@Autowired
	AnnualPlans plans;

	@Test
	void lunarAndSolarTermHolidaysMatchThePublishedDays2024To2035() {
		Map<String, CalendarDay> byName = calendar.days().stream().collect(Collectors.toMap(CalendarDay::name, d -> d));
		for (String[] row : PUBLISHED) {
			int year = Integer.parseInt(row[0]);
			assertThat(byName.get("春节").startIn(year)).as("春节 %s", year).isEqualTo(year + "-" + row[1]);
			assertThat(byName.get("清明").startIn(year)).as("清明 %s", year).isEqualTo(year + "-" + row[2]);
			assertThat(byName.get("端午节").startIn(year)).as("端午 %s", year).isEqualTo(year + "-" + row[3]);
			assertThat(byName.get("中秋节").startIn(year)).as("中秋 %s", year).isEqualTo(year + "-" + row[4]);
		}
		// the other lunar days of 2026 and the rule-based days
		assertThat(byName.get("元宵节").startIn(2026)).isEqualTo("2026-03-03");
		assertThat(byName.get("七夕").startIn(2026)).isEqualTo("2026-08-19");
		assertThat(byName.get("重阳节").startIn(2026)).isEqualTo("2026-10-18");
		assertThat(byName.get("元宵节").startIn(2027)).isEqualTo("2027-02-20");
		assertThat(byName.get("世界住房日").startIn(2026)).isEqualTo("2026-10-05");
		assertThat(byName.get("世界住房日").startIn(2027)).isEqualTo("2027-10-04");
		assertThat(byName.get("安全生产月").endIn(2026)).isEqualTo("2026-06-30");
		assertThat(byName.get("5·12 防灾减灾日").startIn(2031)).isEqualTo("2031-05-12");
	}

	@Test
	void theFeedParsesWithChineseTextAndShanghaiTimesShowsOnlyTheScopeAndDiesWhenRevoked() throws Exception {
		AuthenticatedUser office = logIn("office");
		long otherUnit = unitId("城建科");
		long ownEvent = calendar.addEvent(new CalendarEventForm("全区城市更新现场推进会；住建局、街道参加", CalendarEntry.Kind.EVENT,
				LocalDate.of(2027, 3, 18), null, LocalTime.of(9, 30), LocalTime.of(11, 0), null,
				"地点：区政务中心三楼会议室，请各单位信息员到场采写", 3), office);
		calendar.addEvent(new CalendarEventForm("城建科内部节点（不应外泄）", CalendarEntry.Kind.MILESTONE,
				LocalDate.of(2027, 3, 20), null, null, null, otherUnit, null, 7), office);
		AuthenticatedUser otherHead = member("城建科", "吕国庆", Role.UNIT_HEAD);
		plans.save(otherUnit, 2027, new PlanForm(List.of(new PlanForm.PointEntry("城建科计划节点（不应外泄）",
				Coverage.Form.NEWS, MediaTier.CITY, null, LocalDate.of(2027, 4, 8)))), otherHead,
				DataScope.units(List.of(otherUnit)));

		AuthenticatedUser publicist = user("publicist");
		String token = feeds.issue(publicist);
		String ics = mvc.perform(get(CalendarFeeds.PATH + token + ".ics"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", Matchers.startsWith("text/calendar")))
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		Calendar parsed = new CalendarBuilder().build(new StringReader(ics));
		List<VEvent> events = parsed.getComponents("VEVENT");
		Map<String, VEvent> bySummary = events.stream()
			.collect(Collectors.toMap(e -> e.getSummary().getValue(), e -> e, (a, b) -> a));
		// all-day holidays as DATE values, the day computed for the year
		assertThat(start(bySummary.get("中秋节"))).isEqualTo(LocalDate.of(2026, 9, 25));
		assertThat(start(bySummary.get("春节"))).isEqualTo(LocalDate.of(2027, 2, 6));
		assertThat(start(bySummary.get("端午节"))).isEqualTo(LocalDate.of(2027, 6, 9));
		assertThat(start(bySummary.get("5·12 防灾减灾日"))).isEqualTo(LocalDate.of(2027, 5, 12));
		assertThat(bySummary.get("国庆节").getEndDate().get().getDate()).isEqualTo(LocalDate.of(2026, 10, 2));
		// a timed event in Asia/Shanghai, Chinese text with an escaped semicolon, and its alarm
		VEvent meeting = bySummary.get("全区城市更新现场推进会；住建局、街道参加");
		assertThat(meeting).isNotNull();
		Temporal meetingStart = meeting.getDateTimeStart().getDate();
		assertThat(ZonedDateTime.from(meetingStart))
			.isEqualTo(ZonedDateTime.of(2027, 3, 18, 9, 30, 0, 0, ZoneId.of("Asia/Shanghai")));
		assertThat(meeting.getDescription().getValue()).contains("区政务中心三楼会议室");
		assertThat(meeting.getAlarms()).hasSize(1);
		// another unit's event and plan node never appear
		assertThat(bySummary.keySet()).noneMatch(s -> s.contains("不应外泄"));
		// the office sees the bureau's and every unit's nodes
		String officeFeed = mvc.perform(get(CalendarFeeds.PATH + feeds.issue(office) + ".ics"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		List<VEvent> officeEvents = new CalendarBuilder().build(new StringReader(officeFeed)).getComponents("VEVENT");
		assertThat(officeEvents).anyMatch(e -> e.getSummary().getValue().equals("城建科内部节点（不应外泄）"));
		assertThat(officeEvents).anyMatch(e -> e.getSummary().getValue().contains("城建科计划节点（不应外泄）"));

		// a wrong token and a revoked one: 401, nothing revealed
		mvc.perform(get(CalendarFeeds.PATH + "x".repeat(43) + ".ics"))
			.andExpect(status().isUnauthorized()).andExpect(content().string(""));
		String reissued = feeds.issue(publicist);
		mvc.perform(get(CalendarFeeds.PATH + token + ".ics")).andExpect(status().isUnauthorized());
		feeds.revoke(publicist);
		mvc.perform(get(CalendarFeeds.PATH + reissued + ".ics"))
			.andExpect(status().isUnauthorized()).andExpect(content().string(""));
		assertThat(jdbc.queryForObject("select count(*) from pub_calendar_token where token_hash like ?", Integer.class,
				"%" + token + "%")).isZero();

		// the event's reminder is a deadline of the office, 3 days before
		assertThat(jdbc.queryForObject("select offset_minutes from notification_deadline where deadline_key = ?",
				String.class, "publicity:calendar:event:" + ownEvent)).isEqualTo(Integer.toString(3 * 24 * 60));
	}

	@Test
	void theFeedIsIssuedAndRevokedFromTheCalendarPage() throws Exception {
		AuthenticatedUser staff = user("staff");
		String url = (String) mvc.perform(post("/publicity/calendar/feed").with(as(staff)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("feedUrl", Matchers.containsString(CalendarFeeds.PATH)))
			.andReturn().getFlashMap().get("feedUrl");
		String path = url.substring(url.indexOf(CalendarFeeds.PATH));
		mvc.perform(get(path)).andExpect(status().isOk());
		mvc.perform(get("/publicity/calendar").with(as(staff)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("feed-revoke")));
		mvc.perform(post("/publicity/calendar/feed/revoke").with(as(staff)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get(path)).andExpect(status().isUnauthorized());
	}

	@Test
	void theMonthViewShowsThePlansNodesBeside512AndExportsTheMonth() throws Exception {
		// the demo plans of 2026 have a node on 5·12; 物业管理科's head sees its own
		mvc.perform(get("/publicity/calendar").param("month", "2026-05").with(as(user("head"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("5·12 防灾减灾日")))
			.andExpect(content().string(Matchers.containsString("【物业管理科】5·12 防灾减灾日主题宣传")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("【城建科】"))));
		mvc.perform(get("/publicity/calendar").param("month", "2026-06").with(as(user("office"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("安全生产月")))
			.andExpect(content().string(Matchers.containsString("端午节")));
		// the week view of 5·12 (Monday 11 to Sunday 17 May 2026): the day beside the unit's node, the themed month
		// of a June week (the safety month covers every day), the list view of May with only the days holding a node
		mvc.perform(get("/publicity/calendar/week").param("day", "2026-05-13").with(as(user("head"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("2026-05-11 至 2026-05-17")))
			.andExpect(content().string(Matchers.containsString("id=\"day-2026-05-17\"")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("id=\"day-2026-05-18\""))))
			.andExpect(content().string(Matchers.containsString("5·12 防灾减灾日")))
			.andExpect(content().string(Matchers.containsString("【物业管理科】5·12 防灾减灾日主题宣传")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("【城建科】"))));
		mvc.perform(get("/publicity/calendar/week").param("day", "2026-06-10").with(as(user("office"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("安全生产月")));
		mvc.perform(get("/publicity/calendar/list").param("month", "2026-05").with(as(user("head"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("id=\"day-2026-05-12\"")))
			.andExpect(content().string(Matchers.containsString("【物业管理科】5·12 防灾减灾日主题宣传")));
		mvc.perform(get("/publicity/calendar/export").param("month", "2026-05").with(as(user("office"))))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", Matchers.startsWith("application/vnd.openxmlformats")));
		mvc.perform(get("/publicity/calendar/days").param("year", "2027").with(as(user("publicist"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("2027-02-06")));
	}

	@Test
	void badEventsAndDaysAreRefusedInChineseAndNothingIsSaved() throws Exception {
		AuthenticatedUser office = logIn("office");
		int events = jdbc.queryForObject("select count(*) from pub_calendar_event", Integer.class);
		assertThatThrownBy(() -> calendar.addEvent(new CalendarEventForm(" ", CalendarEntry.Kind.EVENT,
				LocalDate.of(2027, 1, 5), null, null, null, null, null, 7), office))
			.extracting(ex -> ((PublicityException) ex).messageKey()).isEqualTo("publicity.calendar.event.title.required");
		assertThatThrownBy(() -> calendar.addEvent(new CalendarEventForm("倒序", CalendarEntry.Kind.EVENT,
				LocalDate.of(2027, 1, 5), LocalDate.of(2027, 1, 4), null, null, null, null, 7), office))
			.extracting(ex -> ((PublicityException) ex).messageKey()).isEqualTo("publicity.calendar.event.end.before");
		assertThatThrownBy(() -> calendar.addEvent(new CalendarEventForm("时间倒序", CalendarEntry.Kind.EVENT,
				LocalDate.of(2027, 1, 5), null, LocalTime.of(10, 0), LocalTime.of(9, 0), null, null, 7), office))
			.extracting(ex -> ((PublicityException) ex).messageKey()).isEqualTo("publicity.calendar.event.time.order");
		assertThatThrownBy(() -> calendar.addEvent(new CalendarEventForm("提前太久", CalendarEntry.Kind.EVENT,
				LocalDate.of(2027, 1, 5), null, null, null, null, null, 90), office))
			.extracting(ex -> ((PublicityException) ex).messageKey()).isEqualTo("publicity.calendar.leadDays.range");
		mvc.perform(post("/publicity/calendar/events").param("title", "无日期").param("kind", "EVENT")
				.with(as(office)).with(csrf()))
			.andExpect(flash().attribute("flashError", "请填写开始日期"));
		assertThat(jdbc.queryForObject("select count(*) from pub_calendar_event", Integer.class)).isEqualTo(events);
		// a publicist may not enter events
		mvc.perform(post("/publicity/calendar/events").param("title", "越权").param("kind", "EVENT")
				.param("startsOn", "2027-01-05").with(as(user("publicist"))).with(csrf()))
			.andExpect(status().isForbidden());

		int days = calendar.days().size();
		assertThatThrownBy(() -> calendar.saveDay(null, new CalendarDayForm("二月三十", CalendarDay.Rule.FIXED, 2, 30, null,
				null, 7, true), office))
			.extracting(ex -> ((PublicityException) ex).messageKey()).isEqualTo("publicity.calendar.day.day.FIXED");
		assertThatThrownBy(() -> calendar.saveDay(null, new CalendarDayForm("春节", CalendarDay.Rule.LUNAR, 1, 1, null,
				null, 7, true), office))
			.extracting(ex -> ((PublicityException) ex).messageKey()).isEqualTo("publicity.calendar.day.name.taken");
		assertThatThrownBy(() -> calendar.saveDay(null, new CalendarDayForm("错误节气", CalendarDay.Rule.SOLAR_TERM, 4, 20,
				null, null, 7, true), office))
			.extracting(ex -> ((PublicityException) ex).messageKey()).isEqualTo("publicity.calendar.day.day.SOLAR_TERM");
		assertThat(calendar.days()).hasSize(days);

		// a day added by the office: 冬至 (270°, December) computed and reminded to the office
		long id = calendar.saveDay(null, new CalendarDayForm("冬至", CalendarDay.Rule.SOLAR_TERM, 12, 270, null,
				"冬季供暖与燃气安全", 5, true), office);
		assertThat(calendar.day(id).orElseThrow().startIn(2026)).isEqualTo("2026-12-22");
		assertThat(jdbc.queryForObject("select count(*) from notification_deadline where deadline_key = ?", Integer.class,
				"publicity:calendar:day:" + id + ":2026")).isEqualTo(1);
	}

	private static LocalDate start(VEvent event) {
		assertThat(event).isNotNull();
		return LocalDate.from(event.getDateTimeStart().getDate());
	}

}
