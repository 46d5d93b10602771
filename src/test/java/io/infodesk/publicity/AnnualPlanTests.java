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

import java.time.LocalDate;
import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.infodesk.assessment.AssessmentIntegrationTest;

/**
 * S3.2-a: a unit's annual publicity plan is submitted by its head, returned by 组织人事科 with a comment, amended and
 * resubmitted (a second revision with a diff), then filed; the personnel page shows every unit's state for the year
 * with the deadline; bad input (a node outside the year, a return without a comment, a transition from the wrong
 * state) is refused in Chinese and nothing changes.
 */
class AnnualPlanTests extends AssessmentIntegrationTest {

	@Autowired
	AnnualPlans plans;

	@Test
	void submittedReturnedAmendedResubmittedAndFiledWithRevisionsAndTheStatusPage() throws Exception {
		int year = 2027;
		long unit = unitId("村镇建设科");
		var head = member("村镇建设科", organization.peopleOf(unit).get(0).getName(), io.infodesk.account.Role.UNIT_HEAD);
		logIn(head);
		io.infodesk.shared.security.DataScope own = io.infodesk.shared.security.DataScope.units(List.of(unit));
		AnnualPlan plan = plans.save(unit, year, new PlanForm(List.of(
				new PlanForm.PointEntry("农村危房改造", Coverage.Form.NEWS, MediaTier.CITY, 5, null),
				new PlanForm.PointEntry("防灾减灾日宣传", Coverage.Form.NEW_MEDIA, MediaTier.DISTRICT, null,
						LocalDate.of(year, 5, 12)))), head, own);
		assertThat(plan.getStatus()).isEqualTo(AnnualPlan.Status.DRAFT);
		plans.submit(plan.getId(), head, own);

		// 组织人事科: a return needs a comment
		var personnel = logIn("personnel");
		assertThatThrownBy(() -> plans.returnPlan(plan.getId(), " ", personnel))
			.extracting(ex -> ((PublicityException) ex).messageKey())
			.isEqualTo("publicity.plan.comment.required");
		assertThat(plans.get(plan.getId()).getStatus()).isEqualTo(AnnualPlan.Status.SUBMITTED);
		plans.returnPlan(plan.getId(), "请补充中央级媒体的宣传要点", personnel);
		assertThat(plans.get(plan.getId()).getStatus()).isEqualTo(AnnualPlan.Status.RETURNED);

		// a node outside the plan's year: refused, the plan unchanged
		logIn(head);
		assertThatThrownBy(() -> plans.save(unit, year, new PlanForm(List.of(new PlanForm.PointEntry("跨年", Coverage.Form.NEWS,
				MediaTier.CITY, null, LocalDate.of(year + 1, 1, 5)))), head, own))
			.extracting(ex -> ((PublicityException) ex).messageKey())
			.isEqualTo("publicity.plan.node.outsideYear");
		assertThat(plans.get(plan.getId()).getPoints()).hasSize(2);

		plans.save(unit, year, new PlanForm(List.of(
				new PlanForm.PointEntry("农村危房改造", Coverage.Form.NEWS, MediaTier.CITY, 5, null),
				new PlanForm.PointEntry("防灾减灾日宣传", Coverage.Form.NEW_MEDIA, MediaTier.DISTRICT, null,
						LocalDate.of(year, 5, 12)),
				new PlanForm.PointEntry("美丽乡村建设成果", Coverage.Form.FEATURE, MediaTier.CENTRAL, 10, null))), head, own);
		plans.submit(plan.getId(), head, own);
		assertThatThrownBy(() -> plans.submit(plan.getId(), head, own))
			.extracting(ex -> ((PublicityException) ex).messageKey())
			.isEqualTo("publicity.plan.notSubmittable");
		plans.file(plan.getId(), logIn("personnel"));

		AnnualPlan filed = plans.get(plan.getId());
		assertThat(filed.getStatus()).isEqualTo(AnnualPlan.Status.FILED);
		assertThat(filed.getRevision()).isEqualTo(2);
		List<AnnualPlans.Revision> revisions = plans.revisions(plan.getId());
		assertThat(revisions).extracting(AnnualPlans.Revision::revision).containsExactly(2, 1);
		assertThat(revisions.get(0).diff()).anySatisfy(s -> {
			assertThat(s.isInsert()).isTrue();
			assertThat(s.text()).contains("美丽乡村建设成果");
		});
		assertThat(auditCount("PUBLICITY_PLAN_FILED", plan.getId())).isEqualTo(1);
		assertThat(auditCount("PUBLICITY_PLAN_RETURNED", plan.getId())).isEqualTo(1);

		// the personnel page: every unit of the year with its state and the deadline (31 January by default)
		assertThat(plans.deadline(year)).isEqualTo(LocalDate.of(year, 1, 31));
		mvc.perform(get("/publicity/plans").param("year", Integer.toString(year)).with(as(user("personnel"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("村镇建设科")))
			.andExpect(content().string(Matchers.containsString("已备案")))
			.andExpect(content().string(Matchers.containsString("未报送")))
			.andExpect(content().string(Matchers.containsString(year + "-01-31")));
		assertThat(plans.status(year, io.infodesk.shared.security.DataScope.all()))
			.filteredOn(line -> line.unit().getId() == unit)
			.singleElement()
			.satisfies(line -> assertThat(line.state()).isEqualTo(AnnualPlans.State.FILED));
		byte[] status = mvc.perform(get("/publicity/plans/export").param("year", Integer.toString(year)).with(as(user("personnel"))))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", Matchers.startsWith("application/vnd.openxmlformats")))
			.andReturn().getResponse().getContentAsByteArray();
		// the filing status in Excel: one row per unit with its state; this unit filed
		String unitName = organization.unit(unit).orElseThrow().getName();
		List<String> rowsText = io.infodesk.support.Workbooks.firstSheetRows(status);
		assertThat(rowsText).anySatisfy(line -> assertThat(line).contains(unitName + "|", "已备案"));
		assertThat(rowsText).anySatisfy(line -> assertThat(line).contains("未报送"));
		// the plan in the official layout of shared.docx: 2号小标宋 title, the points' table, the unit's signature
		byte[] docx = mvc.perform(get("/publicity/plans/" + unit + "/" + year + "/docx").with(as(user("personnel"))))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", Matchers.startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml")))
			.andReturn().getResponse().getContentAsByteArray();
		try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx));
				var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(document)) {
			assertThat(extractor.getText()).contains(unitName + year + "年度宣传要点计划", "美丽乡村建设成果", "防灾减灾日宣传",
					"宣传要点 3 项");
			var title = document.getParagraphs().stream().filter(p -> p.getText().contains("年度宣传要点计划")).findFirst()
				.orElseThrow();
			assertThat(title.getAlignment()).isEqualTo(org.apache.poi.xwpf.usermodel.ParagraphAlignment.CENTER);
			assertThat(title.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(22.0);
			assertThat(document.getTables()).singleElement().satisfies(t -> assertThat(t.getNumberOfRows()).isEqualTo(4));
		}
		mvc.perform(get("/publicity/plans/" + unit + "/" + year).with(as(user("personnel"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("美丽乡村建设成果")));
	}

	@Test
	void theNodesOfAFiledPlanAreRemindedAndCancelledWhenThePlanChanges() {
		int year = 2027;
		long unit = unitId("物业管理科");
		var head = logIn("head");
		io.infodesk.shared.security.DataScope own = io.infodesk.shared.security.DataScope.units(List.of(unit));
		AnnualPlan plan = plans.save(unit, year, new PlanForm(List.of(
				new PlanForm.PointEntry("物业服务质量提升", Coverage.Form.NEWS, MediaTier.CITY, 3, null),
				new PlanForm.PointEntry("防灾减灾日物业安全宣传", Coverage.Form.NEW_MEDIA, MediaTier.DISTRICT, null,
						LocalDate.of(year, 5, 12)))), head, own);
		plans.submit(plan.getId(), head, own);
		String nodes = "publicity:plan:" + plan.getId() + ":node:%";
		assertThat(jdbc.queryForObject("select count(*) from notification_deadline where deadline_key like ?",
				Integer.class, nodes)).as("no reminders before filing").isZero();
		plans.file(plan.getId(), logIn("personnel"));

		// each node a deadline (type CALENDAR_NODE, 7 days before) of the unit's head: a day at 09:00, a month on its 1st
		assertThat(jdbc.queryForObject("select count(*) from notification_deadline where deadline_key like ? "
				+ "and completed_at is null and type = 'CALENDAR_NODE' and offset_minutes = '10080'", Integer.class, nodes))
			.isEqualTo(2);
		assertThat(jdbc.queryForObject("select count(*) from notification_deadline d join notification_deadline_owner o "
				+ "on o.deadline_id = d.id where d.deadline_key = ? and o.user_id = ?", Integer.class,
				"publicity:plan:" + plan.getId() + ":node:1", head.userId()))
			.isEqualTo(1);
		assertThat(jdbc.queryForObject("select due_at from notification_deadline where deadline_key = ?",
				java.time.OffsetDateTime.class, "publicity:plan:" + plan.getId() + ":node:1").toInstant())
			.isEqualTo(java.time.ZonedDateTime.of(year, 5, 12, 9, 0, 0, 0, java.time.ZoneId.of("Asia/Shanghai")).toInstant());
		assertThat(jdbc.queryForObject("select due_at from notification_deadline where deadline_key = ?",
				java.time.OffsetDateTime.class, "publicity:plan:" + plan.getId() + ":node:0").toInstant())
			.isEqualTo(java.time.ZonedDateTime.of(year, 3, 1, 9, 0, 0, 0, java.time.ZoneId.of("Asia/Shanghai")).toInstant());

		// amended (the plan changes): the reminders are cancelled until it is filed again
		logIn("head");
		plans.save(unit, year, new PlanForm(List.of(
				new PlanForm.PointEntry("物业服务质量提升", Coverage.Form.NEWS, MediaTier.CITY, 4, null))), head, own);
		assertThat(plans.get(plan.getId()).getStatus()).isEqualTo(AnnualPlan.Status.DRAFT);
		assertThat(jdbc.queryForObject("select count(*) from notification_deadline where deadline_key like ? "
				+ "and completed_at is null", Integer.class, nodes)).isZero();
	}

	@Test
	void theDeadlineIsEditedWithinTheYearAndAPlanOutsideTheScopeIsNotShown() throws Exception {
		int year = 2026;
		mvc.perform(post("/publicity/plans/deadline").param("year", "2026").param("dueOn", "2027-02-01")
			.with(csrf()).with(as(user("personnel"))))
			.andExpect(flash().attribute("flashError", "备案截止日期须在 2026 年内"));
		mvc.perform(post("/publicity/plans/deadline").param("year", "2026").param("dueOn", "2026-02-15")
			.with(csrf()).with(as(user("personnel"))))
			.andExpect(flash().attribute("flashSuccess", Matchers.notNullValue()));
		assertThat(plans.deadline(year)).isEqualTo(LocalDate.of(2026, 2, 15));
		// the publicist of 物业管理科 does not see another unit's plan page
		mvc.perform(get("/publicity/plans/" + unitId("住房保障科") + "/" + year).with(as(user("publicist"))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/publicity/plans").with(as(user("publicist"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("物业管理科")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("住房保障科"))));
	}

}
