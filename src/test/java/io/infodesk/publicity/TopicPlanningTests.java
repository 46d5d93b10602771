package io.infodesk.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
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
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mock.web.MockMultipartFile;

import io.infodesk.account.Role;
import io.infodesk.assessment.AssessmentIntegrationTest;
import io.infodesk.shared.files.Upload;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;

/**
 * S3.2-b topic planning and the plans' follow-through: the office plans a topic on a unit's plan point, assigns
 * coverage (a deadline of the person; due before the item was created refused), records a planning meeting (in the
 * future refused), and fulfils the assignment with a coverage record — the topic is done, the plan point shows as
 * done on the plan's page, the bureau table and the home card; another unit's publicist does not see the item.
 */
class TopicPlanningTests extends AssessmentIntegrationTest {

	@Autowired
	Topics topics;

	@Autowired
	AnnualPlans plans;

	@Autowired
	Coverages coverages;

	@Autowired
	Outlets outlets;

	@Autowired
	FollowThrough followThrough;

	@Test
	void aTopicOnAPlanPointIsAssignedMetAboutAndFulfilledByCoverageAndThePointIsDone() throws Exception {
		int year = 2026;
		long unit = unitId("房产交易管理中心");
		AuthenticatedUser head = member("房产交易管理中心", organization.peopleOf(unit).get(0).getName(), Role.UNIT_HEAD);
		DataScope own = DataScope.units(List.of(unit));
		AnnualPlan plan = plans.save(unit, year, new PlanForm(List.of(
				new PlanForm.PointEntry("存量房交易“带押过户”便民改革", Coverage.Form.NEWS, MediaTier.CITY, 12, null),
				new PlanForm.PointEntry("年末交易市场运行分析", Coverage.Form.INFORMATION, MediaTier.DISTRICT, null,
						LocalDate.of(year, 12, 28)))), head, own);
		AuthenticatedUser office = logIn("office");
		long topicId = topics.create(new TopicForm("“带押过户”改革系列报道", "便民改革成效显著，宜策划市级媒体报道",
				unit, List.of(organization.peopleOf(unit).get(0).getId()), MediaTier.CITY, "市日报",
				LocalDate.of(year, 12, 10), List.of(plan.getId() + ":1")), office);
		Topic topic = topics.get(topicId, DataScope.all());
		assertThat(topic.status()).isEqualTo(Topic.Status.PLANNING);
		assertThat(topic.points()).extracting(Topic.PointRef::work).containsExactly("存量房交易“带押过户”便民改革");

		// the item is edited on its page: a blank title refused with nothing changed, then a new title, media and day
		mvc.perform(post("/publicity/topics/" + topicId + "/edit").param("title", " ").param("ownerUnitId", Long.toString(unit))
				.param("points", plan.getId() + ":1").with(as(office)).with(csrf()))
			.andExpect(flash().attribute("flashError", Matchers.containsString("请填写选题")));
		assertThat(topics.get(topicId, DataScope.all()).title()).isEqualTo("“带押过户”改革系列报道");
		mvc.perform(get("/publicity/topics/" + topicId).with(as(office)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("id=\"edit-form\"")))
			.andExpect(content().string(Matchers.containsString("value=\"" + plan.getId() + ":1\" selected")));
		mvc.perform(post("/publicity/topics/" + topicId + "/edit").param("title", "“带押过户”改革成效系列报道")
				.param("rationale", "便民改革成效显著，宜策划市级媒体报道").param("ownerUnitId", Long.toString(unit))
				.param("personIds", Long.toString(organization.peopleOf(unit).get(0).getId())).param("targetTier", "CITY")
				.param("targetMedia", "市日报、市电视台").param("calendarOn", year + "-12-12").param("points", plan.getId() + ":1")
				.with(as(office)).with(csrf()))
			.andExpect(flash().attribute("flashSuccess", "选题策划已修改"));
		Topic edited = topics.get(topicId, DataScope.all());
		assertThat(edited.title()).isEqualTo("“带押过户”改革成效系列报道");
		assertThat(edited.targetMedia()).isEqualTo("市日报、市电视台");
		assertThat(edited.calendarOn()).isEqualTo(LocalDate.of(year, 12, 12));
		assertThat(edited.points()).extracting(Topic.PointRef::work).containsExactly("存量房交易“带押过户”便民改革");
		assertThat(auditCount("PUBLICITY_TOPIC_UPDATED", topicId)).isEqualTo(1);

		// an assignment due before the item was created: refused, nothing saved
		long writer = person("物业管理科", "赵雪").getId();
		Outlet daily = outlets.create(new OutletForm("带押过户测试日报", MediaTier.CITY, Outlet.Kind.NEWSPAPER, null, List.of()),
				office);
		assertThatThrownBy(() -> topics.assign(topicId, writer, Topic.Medium.TEXT, daily.getId(), LocalDate.of(2026, 11, 26),
				null, office))
			.extracting(ex -> ((PublicityException) ex).messageKey()).isEqualTo("publicity.topic.dueOn.beforeCreated");
		assertThat(topics.get(topicId, DataScope.all()).assignments()).isEmpty();
		long assignment = topics.assign(topicId, writer, Topic.Medium.TEXT, daily.getId(), LocalDate.of(2026, 12, 5),
				"通讯稿一篇", office);
		topics.assign(topicId, writer, Topic.Medium.PHOTO, null, LocalDate.of(2026, 12, 5), null, office);
		assertThat(topics.get(topicId, DataScope.all()).status()).isEqualTo(Topic.Status.IN_PROGRESS);
		assertThat(jdbc.queryForObject("select count(*) from notification_deadline d join notification_deadline_owner o "
				+ "on o.deadline_id = d.id where d.deadline_key = ? and o.user_id = ?", Integer.class,
				"publicity:topic:assignment:" + assignment, user("publicist").userId())).isEqualTo(1);

		// meetings: not in the future
		assertThatThrownBy(() -> topics.recordMeeting(topicId, LocalDate.of(2026, 11, 28), "周敏", "议定", office))
			.extracting(ex -> ((PublicityException) ex).messageKey()).isEqualTo("publicity.topic.meeting.heldOn.future");
		topics.recordMeeting(topicId, LocalDate.of(2026, 11, 27), "办公室周敏、市日报记者", "12 月 5 日前完成通讯稿", office);

		// the point is pending until a coverage record fulfils the assignment
		assertThat(followThrough.points(plans.get(plan.getId())).get(0).state()).isEqualTo(FollowThrough.State.PENDING);
		byte[] pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".getBytes();
		Coverage coverage = coverages.record(new CoverageForm(daily.getId(), LocalDate.of(2026, 11, 27), "“带押过户”让二手房交易更省心",
				null, Coverage.Form.NEWS, Coverage.Placement.ORDINARY,
				List.of(new CoverageForm.CreditEntry(organization.peopleOf(unit).get(0).getId(), null))),
				new Upload("clip.pdf", pdf.length, new ByteArrayResource(pdf)), office, DataScope.all());
		mvc.perform(post("/publicity/topics/" + topicId + "/assignments/" + assignment + "/fulfil")
				.param("coverageId", Long.toString(coverage.getId())).with(as(office)).with(csrf()))
			.andExpect(flash().attribute("flashSuccess", "任务已关联见报播出记录"));
		Topic fulfilled = topics.get(topicId, DataScope.all());
		assertThat(fulfilled.assignments()).filteredOn(Topic.Assignment::done).hasSize(1);
		assertThat(fulfilled.status()).isEqualTo(Topic.Status.IN_PROGRESS);
		List<FollowThrough.PointProgress> progress = followThrough.points(plans.get(plan.getId()));
		assertThat(progress.get(0).state()).isEqualTo(FollowThrough.State.DONE);
		assertThat(progress.get(0).coverages()).containsExactly("“带押过户”让二手房交易更省心");
		assertThat(progress.get(1).state()).isEqualTo(FollowThrough.State.PENDING);

		// the coverage form links a record to a plan point directly: a point of a unit not credited is refused (nothing
		// saved); the second point linked from the form is done
		long before = coverages.count();
		long otherPerson = person("物业管理科", "赵雪").getId();
		mvc.perform(multipart("/publicity/coverage/new").file(new MockMultipartFile("evidence", "clip.pdf", "application/pdf", pdf))
			.param("outletId", daily.getId().toString()).param("publishedOn", "2026-11-27").param("title", "年末交易市场运行平稳")
			.param("form", "INFORMATION").param("placement", "ORDINARY")
			.param("credits[0].personId", Long.toString(otherPerson)).param("planPoint", plan.getId() + ":2")
			.with(csrf()).with(as(office)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("关联的宣传要点须属于本条记录署名人员所在的单位")));
		assertThat(coverages.count()).isEqualTo(before);
		mvc.perform(get("/publicity/coverage/new").with(as(office)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("value=\"" + plan.getId() + ":2\"")));
		mvc.perform(multipart("/publicity/coverage/new").file(new MockMultipartFile("evidence", "clip.pdf", "application/pdf", pdf))
			.param("outletId", daily.getId().toString()).param("publishedOn", "2026-11-27").param("title", "年末交易市场运行平稳")
			.param("form", "INFORMATION").param("placement", "ORDINARY")
			.param("credits[0].personId", Long.toString(organization.peopleOf(unit).get(0).getId()))
			.param("planPoint", plan.getId() + ":2")
			.with(csrf()).with(as(office)))
			.andExpect(status().is3xxRedirection());
		assertThat(coverages.count()).isEqualTo(before + 1);
		assertThat(followThrough.points(plans.get(plan.getId())).get(1).state()).isEqualTo(FollowThrough.State.DONE);
		assertThat(followThrough.points(plans.get(plan.getId())).get(1).coverages()).containsExactly("年末交易市场运行平稳");

		// the pages: the item, the plan with its progress, the bureau table, the home card, Excel
		mvc.perform(get("/publicity/topics/" + topicId).with(as(office)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("“带押过户”让二手房交易更省心")))
			.andExpect(content().string(Matchers.containsString("12 月 5 日前完成通讯稿")));
		mvc.perform(get("/publicity/plans/" + unit + "/" + year).with(as(user("personnel"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("data-state=\"DONE\"")));
		mvc.perform(get("/publicity/follow-through").with(as(user("personnel"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("follow-unit-" + unit)));
		mvc.perform(get("/").with(as(user("personnel"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("home-publicity")));
		mvc.perform(get("/publicity/topics/export").with(as(office)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", Matchers.startsWith("application/vnd.openxmlformats")));
		mvc.perform(get("/publicity/follow-through/export").with(as(office)))
			.andExpect(status().isOk());

		// another unit's publicist does not see the item (404, nothing revealed)
		mvc.perform(get("/publicity/topics/" + topicId).with(as(user("publicist"))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/publicity/topics").with(as(user("publicist"))))
			.andExpect(content().string(Matchers.not(Matchers.containsString("“带押过户”改革系列报道"))));
		// and may not create one
		mvc.perform(post("/publicity/topics").param("title", "越权").with(as(user("publicist"))).with(csrf()))
			.andExpect(status().isForbidden());

		// the plan point linked by hand from the plan's page
		mvc.perform(post("/publicity/plans/" + unit + "/" + year + "/points/2/coverage")
				.param("coverageId", Long.toString(coverage.getId())).with(as(office)).with(csrf()))
			.andExpect(flash().attribute("flashSuccess", "已关联见报播出记录，该要点计为已完成"));
		assertThat(followThrough.points(plans.get(plan.getId())).get(1).state()).isEqualTo(FollowThrough.State.DONE);
	}

	@Test
	void aTopicWithoutTitleOrUnitIsRefusedAndNothingIsSaved() throws Exception {
		AuthenticatedUser office = logIn("office");
		int before = jdbc.queryForObject("select count(*) from pub_topic", Integer.class);
		assertThatThrownBy(() -> topics.create(new TopicForm(" ", null, unitId("物业管理科"), null, null, null, null, null), office))
			.extracting(ex -> ((PublicityException) ex).messageKey()).isEqualTo("publicity.topic.title.required");
		mvc.perform(post("/publicity/topics").param("title", "无牵头单位").with(as(office)).with(csrf()))
			.andExpect(flash().attribute("flashError", "请选择牵头单位"));
		mvc.perform(post("/publicity/topics").param("title", "错误要点").param("ownerUnitId", Long.toString(unitId("物业管理科")))
				.param("points", "999999:1").with(as(office)).with(csrf()))
			.andExpect(flash().attribute("flashError", "宣传要点不存在"));
		assertThat(jdbc.queryForObject("select count(*) from pub_topic", Integer.class)).isEqualTo(before);
	}

}
