package io.infodesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.infodesk.monitoring.internal.Cases;
import io.infodesk.monitoring.internal.OpinionCase;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.time.TimeConfiguration;
import io.infodesk.support.Workbooks;

/**
 * Opinion cases (S3.6-a): a red alert of the demo opens a case with its cluster, 5 h / 24 h deadlines declared to
 * notification's Deadlines and met by the logged actions, the section's head logs actions, overdue flags, closing
 * with a review; an ordinary case gets the 48 h response; refusals in Chinese; commentators' guidance (S3.6-c).
 */
class CaseTests extends MonitoringIntegrationTest {

	@Autowired
	Cases cases;

	@Test
	void aRedAlertBecomesACaseWithFiveAndTwentyFourHourDeadlinesFollowedToItsReview() throws Exception {
		long item = jdbc.queryForObject("select min(id) from mon_item where alert_level = 'SEVERE'", Long.class);
		String form = mvc.perform(get("/monitoring/cases/new").param("itemId", String.valueOf(item)).with(as(user("office"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(form).contains("逾期交房").contains("value=\"SEVERE\" selected");
		long unit = jdbc.queryForObject("select id from org_unit where name = '物业管理科'", Long.class);
		String location = mvc.perform(post("/monitoring/cases/new").param("title", "湖塘某楼盘逾期交房业主聚集")
			.param("summary", "四家媒体转载，业主聚集维权。").param("level", "SEVERE").param("topic", "DELIVERY")
			.param("itemId", String.valueOf(item)).param("unitId", String.valueOf(unit)).with(csrf()).with(as(user("office"))))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(jdbc.queryForObject("select count(*) from mon_case_item where case_id = ?", Integer.class, id)).isEqualTo(4);
		OffsetDateTime infoDue = jdbc.queryForObject("select due_at from notification_deadline where deadline_key = ?",
				OffsetDateTime.class, Cases.key(id, "info"));
		OffsetDateTime pressDue = jdbc.queryForObject("select due_at from notification_deadline where deadline_key = ?",
				OffsetDateTime.class, Cases.key(id, "press"));
		assertThat(Duration.between(clock.instant(), infoDue.toInstant())).isEqualTo(Duration.ofHours(5));
		assertThat(Duration.between(clock.instant(), pressDue.toInstant())).isEqualTo(Duration.ofHours(24));
		assertThat(jdbc.queryForObject("select count(*) from notification_deadline where deadline_key = ?", Integer.class,
				Cases.key(id, "response"))).isZero();

		mvc.perform(post("/monitoring/cases/{id}/actions", id).param("kind", "VERIFY").param("note", "x")
			.with(csrf()).with(as(user("staff")))).andExpect(status().isForbidden());
		mvc.perform(post("/monitoring/cases/{id}/actions", id).param("kind", "PUBLISH")
			.param("note", "在区政府网站发布项目复工和交付安排的权威信息").with(csrf()).with(as(user("head"))))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select completed_at is not null from notification_deadline where deadline_key = ?",
				Boolean.class, Cases.key(id, "info"))).isTrue();
		clock.advance(Duration.ofHours(25));
		String list = mvc.perform(get("/monitoring/cases").with(as(user("leader"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("湖塘某楼盘逾期交房业主聚集").contains("case-overdue");
		String page = mvc.perform(get("/monitoring/cases/{id}", id).with(as(user("head"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("发布权威信息").contains("物业管理科").contains("case-action-form");

		mvc.perform(post("/monitoring/cases/{id}/close", id).param("summary", "已协调复工").param("review", " ")
			.with(csrf()).with(as(user("office")))).andExpect(status().isBadRequest());
		mvc.perform(post("/monitoring/cases/{id}/close", id).param("summary", "已协调复工，明确交付时间")
			.param("review", "新闻发布晚于24小时，今后提前准备口径").with(csrf()).with(as(user("office"))))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select status from mon_case where id = ?", String.class, id)).isEqualTo("CLOSED");
		assertThat(jdbc.queryForObject("select completed_at is not null from notification_deadline where deadline_key = ?",
				Boolean.class, Cases.key(id, "press"))).isTrue();
		assertThat(jdbc.queryForList("select action from audit_entry where entity_type = 'MonitoringCase' and entity_id = ?",
				String.class, String.valueOf(id)))
			.contains("MONITORING_CASE_OPENED", "MONITORING_CASE_ASSIGNED", "MONITORING_CASE_ACTION", "MONITORING_CASE_CLOSED");
		mvc.perform(get("/monitoring/cases/export").with(as(user("office")))).andExpect(status().isOk());
	}

	@Test
	void anOrdinaryCaseIsAnsweredWithinFortyEightHoursAndCommentatorsAreGuided() throws Exception {
		Integer before = jdbc.queryForObject("select count(*) from mon_case", Integer.class);
		String refused = mvc.perform(post("/monitoring/cases/new").param("title", "").param("summary", "x")
			.param("level", "GENERAL").with(csrf()).with(as(user("office"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("请填写事件名称");
		assertThat(jdbc.queryForObject("select count(*) from mon_case", Integer.class)).isEqualTo(before);
		String location = mvc.perform(post("/monitoring/cases/new").param("title", "网民反映小区物业乱收停车费")
			.param("summary", "论坛帖文，回复二十余条。").param("level", "GENERAL").param("topic", "PROPERTY")
			.with(csrf()).with(as(user("office"))))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		OffsetDateTime due = jdbc.queryForObject("select due_at from notification_deadline where deadline_key = ?",
				OffsetDateTime.class, Cases.key(id, "response"));
		assertThat(Duration.between(clock.instant(), due.toInstant())).isEqualTo(Duration.ofHours(48));
		mvc.perform(post("/monitoring/cases/{id}/actions", id).param("kind", "RESPOND").param("note", "在论坛回复收费依据")
			.with(csrf()).with(as(user("office")))).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select response_at is not null from mon_case where id = ?", Boolean.class, id)).isTrue();

		long person = jdbc.queryForObject("select min(id) from org_person where active = true", Long.class);
		mvc.perform(post("/monitoring/cases/{id}/guidance", id).param("personId", String.valueOf(person))
			.param("platform", "武进论坛").param("guidance", "说明收费标准").with(csrf()).with(as(user("office"))))
			.andExpect(status().isBadRequest());
		jdbc.update("update org_person set online_commentator = true where id = ?", person);
		mvc.perform(post("/monitoring/cases/{id}/guidance", id).param("personId", String.valueOf(person))
			.param("platform", "武进论坛·民生投诉").param("guidance", "说明停车收费标准和投诉渠道")
			.with(csrf()).with(as(user("office"))))
			.andExpect(status().is3xxRedirection());
		long task = jdbc.queryForObject("select id from mon_guidance_task where case_id = ?", Long.class, id);
		mvc.perform(post("/monitoring/cases/{id}/guidance/{t}/done", id, task).param("note", "已跟帖说明")
			.with(csrf()).with(as(user("office")))).andExpect(status().is3xxRedirection());
		String roster = mvc.perform(get("/monitoring/commentators").with(as(user("office"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(roster).contains("武进论坛·民生投诉").contains("已完成");
		mvc.perform(post("/monitoring/cases/hours").param("info", "30").param("press", "24").param("response", "48")
			.with(csrf()).with(as(user("office")))).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select info_hours from mon_case_setting", Integer.class)).isEqualTo(5);
	}

	/**
	 * The monthly figures of the case list (issue 14 point 9) in months of their own (2031, no other case of the shared
	 * context falls there): a major case opened in February and closed in March counts as opened in February and
	 * closed in March; in March a red case whose press event is missed and a yellow one never answered are overdue, an
	 * ordinary one answered in time and closed is not. The page shows both months; the Excel export flags the same
	 * cases as overdue.
	 */
	@Test
	void monthlyFiguresCountOpenedClosedOpenOverdueMajorAndHotSpotsAndTheExportFlagsTheOverdueCases() throws Exception {
		AuthenticatedUser office = logIn("office");
		cases.updateHours(new Cases.Hours(5, 24, 48));
		clock.set(at(2031, 2, 20, 10));
		long february = cases.open(new Cases.Opening("统计用二月重大交付舆情", "二月立案，三月办结。", AlertLevel.MAJOR,
				Topic.DELIVERY, null, null), office);
		clock.advance(Duration.ofHours(2));
		cases.act(february, OpinionCase.Action.PUBLISH, "两小时内发布权威信息", office);
		cases.act(february, OpinionCase.Action.PRESS, "当日召开新闻通气会", office);

		clock.set(at(2031, 3, 2, 9));
		long red = cases.open(new Cases.Opening("统计用三月特别重大交付舆情", "权威信息按时，新闻发布未开。", AlertLevel.SEVERE,
				Topic.DELIVERY, null, null), office);
		clock.advance(Duration.ofHours(1));
		cases.act(red, OpinionCase.Action.PUBLISH, "一小时内发布权威信息", office);
		clock.set(at(2031, 3, 3, 9));
		long answered = cases.open(new Cases.Opening("统计用三月一般欠薪舆情", "按时回应并办结。", AlertLevel.GENERAL,
				Topic.WAGES, null, null), office);
		clock.advance(Duration.ofHours(3));
		cases.act(answered, OpinionCase.Action.RESPOND, "三小时内在论坛回应", office);
		clock.set(at(2031, 3, 4, 9));
		cases.close(answered, "工资已足额支付", "复盘：春节前排查工资专户", office);
		clock.set(at(2031, 3, 5, 9));
		cases.open(new Cases.Opening("统计用三月较大物业舆情", "超过四十八小时未回应。", AlertLevel.LARGER,
				Topic.PROPERTY, null, null), office);
		clock.set(at(2031, 3, 6, 9));
		cases.close(february, "项目复工，业主认可交付安排", "复盘：提前约谈开发商", office);
		clock.set(at(2031, 3, 10, 9));

		Cases.MonthFigures march = cases.month(YearMonth.of(2031, 3));
		assertThat(List.of(march.opened(), march.major(), march.closed(), march.open(), march.overdue()))
			.as("opened, major, closed, open, overdue").containsExactly(3, 1, 2, 2, 2);
		assertThat(march.byTopic()).isEqualTo(Map.of("DELIVERY", 1, "WAGES", 1, "PROPERTY", 1));
		Cases.MonthFigures feb = cases.month(YearMonth.of(2031, 2));
		assertThat(List.of(feb.opened(), feb.major(), feb.closed(), feb.open(), feb.overdue()))
			.as("opened, major, closed, open, overdue").containsExactly(1, 1, 0, 0, 0);
		assertThat(feb.byTopic()).isEqualTo(Map.of("DELIVERY", 1, "WAGES", 0, "PROPERTY", 0));
		assertThat(cases.month(YearMonth.of(2031, 4)).opened()).isZero();

		String list = mvc.perform(get("/monitoring/cases").with(as(office)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("2031-03 舆情处置统计").contains("立案3起（重大及以上1起），办结2起，在办2起，超时2起")
			.contains("2031-02 舆情处置统计").contains("立案1起（重大及以上1起），办结0起，在办0起，超时0起");

		byte[] xlsx = mvc.perform(get("/monitoring/cases/export").with(as(office)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		List<String> rows = Workbooks.firstSheetRows(xlsx);
		assertThat(rows.get(0)).contains("事件名称").contains("超时");
		assertThat(row(rows, "统计用三月特别重大交付舆情")).contains("|特别重大|房地产交付|").endsWith("|是|");
		assertThat(row(rows, "统计用三月较大物业舆情")).contains("|较大|物业|").contains("|待分办|").endsWith("|是|");
		assertThat(row(rows, "统计用三月一般欠薪舆情")).contains("|一般|农民工工资|").contains("|已办结|").endsWith("|否|");
		assertThat(row(rows, "统计用二月重大交付舆情")).contains("|已办结|").endsWith("|否|");
	}

	private static Instant at(int year, int month, int day, int hour) {
		return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, TimeConfiguration.ZONE).toInstant();
	}

	private static String row(List<String> rows, String title) {
		return rows.stream().filter(r -> r.contains("|" + title + "|")).findFirst()
			.orElseThrow(() -> new AssertionError("no export row for " + title + " in " + rows));
	}

}
