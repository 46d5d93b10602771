package io.infodesk.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;

import io.infodesk.account.Role;
import io.infodesk.assessment.AssessmentIntegrationTest;
import io.infodesk.assessment.Ledger;
import io.infodesk.assessment.LedgerEntry;
import io.infodesk.assessment.Recomputations;
import io.infodesk.assessment.SourceTypes;
import io.infodesk.shared.files.Upload;
import io.infodesk.shared.security.AuthenticatedUser;

/**
 * Research topics end to end on the demo application: registration (milestone order, lead of the responsible unit,
 * key topic and analysis candidate links), reminders as notification deadlines, the group's activity log, outputs
 * refused unless DOCX / PDF by content, milestones met in order (the final one only with a report), the upward use
 * scoring the unit and the group (listener) and the recomputation finding the same, data scope on the pages.
 */
class ResearchTopicsTests extends AssessmentIntegrationTest {

	@Autowired
	Topics topics;

	@Autowired
	KeyTopics keyTopics;

	@Autowired
	Recomputations recomputations;

	TopicForm form(String title, AuthenticatedUser lead, List<Long> members, Long keyTopicId, Long candidateId,
			Topic.Source source) {
		LocalDate today = LocalDate.now(clock);
		return new TopicForm(title, "背景", source, Topic.Aim.BREAK_BOTTLENECKS, lead.unitId(), lead.personId(), members,
				today.plusDays(5), today.plusDays(10), today.plusDays(20), today.plusDays(30), keyTopicId, candidateId);
	}

	static Upload upload(String name, byte[] bytes) {
		return new Upload(name, bytes.length, new ByteArrayResource(bytes));
	}

	@Test
	void aTopicRunsFromRegistrationThroughMilestonesToPointsInTheLedger() throws Exception {
		AuthenticatedUser office = logIn("office");
		AuthenticatedUser zhao = member("物业管理科", "赵雪", Role.PUBLICIST);
		AuthenticatedUser cao = member("房地产市场监管科", "曹阳", Role.PUBLICIST);
		AuthenticatedUser tang = member("建筑业管理科", "唐亮", Role.PUBLICIST);
		KeyTopic key = keyTopics.add(LocalDate.now(clock).getYear(), Topic.Source.DISTRICT_CPPCC, unique("区政协重点课题"),
				null, office);
		String title = unique("物业服务企业信用评价调研");

		// milestones out of order, a lead of another unit, a district source without its key topic: refused, nothing saved
		long before = jdbc.queryForObject("select count(*) from rsh_topic", Long.class);
		TopicForm good = form(title, zhao, List.of(cao.personId()), key.id(), null, Topic.Source.DISTRICT_CPPCC);
		assertThatThrownBy(() -> topics.create(new TopicForm(title, null, good.source(), good.aim(), good.unitId(),
				good.leadPersonId(), good.memberPersonIds(), good.planOn(), good.planOn().minusDays(1), good.draftOn(),
				good.finalOn(), key.id(), null), office))
			.extracting(ex -> ((ResearchException) ex).messageKey())
			.isEqualTo("research.topic.milestones.order");
		assertThatThrownBy(() -> topics.create(new TopicForm(title, null, good.source(), good.aim(), cao.unitId(),
				zhao.personId(), List.of(), good.planOn(), good.fieldOn(), good.draftOn(), good.finalOn(), key.id(), null),
				office))
			.extracting(ex -> ((ResearchException) ex).messageKey())
			.isEqualTo("research.topic.lead.unit");
		assertThatThrownBy(() -> topics.create(form(title, zhao, List.of(), null, null, Topic.Source.DISTRICT_CPPCC), office))
			.extracting(ex -> ((ResearchException) ex).messageKey())
			.isEqualTo("research.topic.keyTopic.required");
		assertThatThrownBy(() -> topics.create(good, zhao)).isInstanceOf(
				org.springframework.security.access.AccessDeniedException.class);
		assertThat(jdbc.queryForObject("select count(*) from rsh_topic", Long.class)).isEqualTo(before);

		Topic topic = topics.create(good, office);
		assertThat(topic.status()).isEqualTo(Topic.Status.PLANNED);
		assertThat(topic.source()).isEqualTo(Topic.Source.DISTRICT_CPPCC);
		assertThat(keyTopics.get(key.id()).topicIds()).containsExactly(topic.id());
		// every milestone is a deadline of the group (赵雪 has the demo login "publicist")
		for (Topic.Milestone milestone : topic.milestones()) {
			assertThat(jdbc.queryForObject("select count(*) from notification_deadline d join notification_deadline_owner o "
					+ "on o.deadline_id = d.id where d.deadline_key = ? and o.user_id = ?", Long.class,
					Topics.milestoneKey(milestone.id()), user("publicist").userId())).isEqualTo(1L);
		}

		// the group works on it; someone outside the group may not, and another unit's reader does not see it
		assertThatThrownBy(() -> topics.recordActivity(topic.id(), Topic.ActivityKind.VISIT, LocalDate.now(clock), null,
				null, "走访", tang)).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		mvc.perform(get("/research/topics/" + topic.id()).with(as(tang))).andExpect(status().isForbidden());
		mvc.perform(get("/research/topics").with(as(tang))).andExpect(content().string(
				org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(title))));
		mvc.perform(get("/research/topics").with(as(cao))).andExpect(content().string(
				org.hamcrest.Matchers.containsString(title)));
		assertThatThrownBy(() -> topics.recordActivity(topic.id(), Topic.ActivityKind.VISIT,
				LocalDate.now(clock).plusDays(1), null, null, "走访", zhao))
			.extracting(ex -> ((ResearchException) ex).messageKey())
			.isEqualTo("research.topic.activity.heldOn.invalid");
		// through the page: no summary → refused in Chinese, nothing saved
		mvc.perform(post("/research/topics/" + topic.id() + "/activities").with(as(zhao)).with(csrf())
			.param("kind", "SYMPOSIUM").param("heldOn", LocalDate.now(clock).toString()).param("summary", " "))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashError", "请填写主要情况（不超过 2000 个字）"));
		assertThat(topics.activities(topic.id())).isEmpty();
		topics.recordActivity(topic.id(), Topic.ActivityKind.SYMPOSIUM, LocalDate.now(clock), "局会议室", "企业代表",
				"听取物业企业意见", zhao);
		assertThat(topics.get(topic.id()).status()).isEqualTo(Topic.Status.IN_PROGRESS);

		// milestones in order; the final one needs a report; a picture is not an output
		List<Topic.Milestone> milestones = topic.milestones();
		assertThatThrownBy(() -> topics.completeMilestone(topic.id(), milestones.get(1).id(), cao))
			.extracting(ex -> ((ResearchException) ex).messageKey())
			.isEqualTo("research.topic.milestone.order");
		for (int i = 0; i < 3; i++) {
			topics.completeMilestone(topic.id(), milestones.get(i).id(), cao);
		}
		assertThat(jdbc.queryForObject("select completed_at is not null from notification_deadline where deadline_key = ?",
				Boolean.class, Topics.milestoneKey(milestones.get(0).id()))).isTrue();
		assertThatThrownBy(() -> topics.completeMilestone(topic.id(), milestones.get(3).id(), zhao))
			.extracting(ex -> ((ResearchException) ex).messageKey())
			.isEqualTo("research.topic.milestone.reportRequired");
		assertThatThrownBy(() -> topics.addOutput(topic.id(), Topic.OutputKind.REPORT, "调研报告",
				upload("report.docx", io.infodesk.shared.files.TestFiles.png()), zhao))
			.extracting(ex -> ((ResearchException) ex).messageKey())
			.isEqualTo("research.paper.file.type");
		assertThatThrownBy(() -> topics.recordUse(topic.id(), Topic.UseKind.ADOPTED, Topic.UseLevel.CITY, "市住建局", null,
				LocalDate.now(clock), null, office))
			.extracting(ex -> ((ResearchException) ex).messageKey())
			.isEqualTo("research.topic.use.noOutput");
		Topic.Output report = topics.addOutput(topic.id(), Topic.OutputKind.REPORT, "物业服务企业信用评价调研报告",
				upload("报告.docx", PaperFiles.docx("调研报告正文", "赵雪", "物业管理科")), zhao);
		assertThat(topics.completeMilestone(topic.id(), milestones.get(3).id(), zhao).status())
			.isEqualTo(Topic.Status.CONCLUDED);
		mvc.perform(get("/research/topics/outputs/" + report.id() + "/file").with(as(cao))).andExpect(status().isOk());
		mvc.perform(get("/research/topics/outputs/" + report.id() + "/file").with(as(tang))).andExpect(status().isForbidden());

		// the upward use: only the office; the day not in the future; then INSTRUCTION:CITY to the unit and the group
		assertThatThrownBy(() -> topics.recordUse(topic.id(), Topic.UseKind.INSTRUCTION, Topic.UseLevel.CITY, "王副市长",
				"请推广", LocalDate.now(clock), report.id(), zhao))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		mvc.perform(post("/research/topics/" + topic.id() + "/uses").with(as(office)).with(csrf()).param("kind", "INSTRUCTION")
			.param("level", "CITY").param("usedBy", "王副市长").param("usedOn", LocalDate.now(clock).plusDays(1).toString()))
			.andExpect(flash().attribute("flashError", "请填写日期，且不能晚于今天"));
		assertThat(topics.uses(topic.id())).isEmpty();
		Topic.Use use = topics.recordUse(topic.id(), Topic.UseKind.INSTRUCTION, Topic.UseLevel.CITY, "王副市长", "请推广",
				LocalDate.now(clock), report.id(), office);
		settle();
		LocalDate today = LocalDate.now(clock);
		List<LedgerEntry> unitEntries = ledger.entries(Ledger.EntryQuery.units(today, today).unit(unitId("物业管理科")))
			.stream()
			.filter(e -> e.sourceType().equals(SourceTypes.TOPIC_OUTCOME) && e.sourceId().equals(Long.toString(use.id())))
			.toList();
		assertThat(unitEntries).singleElement().satisfies(e -> {
			assertThat(e.ruleKey()).isEqualTo("INSTRUCTION:CITY");
			assertThat(e.points()).isEqualByComparingTo("10");
		});
		assertThat(ledger.entries(Ledger.EntryQuery.persons(today, today).person(zhao.personId())))
			.filteredOn(e -> e.sourceType().equals(SourceTypes.TOPIC_OUTCOME) && e.sourceId().equals(Long.toString(use.id())))
			.extracting(LedgerEntry::points)
			.containsExactly(new BigDecimal("5.00"));
		assertThat(ledger.entries(Ledger.EntryQuery.persons(today, today).person(cao.personId())))
			.filteredOn(e -> e.sourceType().equals(SourceTypes.TOPIC_OUTCOME) && e.sourceId().equals(Long.toString(use.id())))
			.extracting(LedgerEntry::points)
			.containsExactly(new BigDecimal("5.00"));
		assertThat(recomputations.preview(today, today).differences())
			.filteredOn(d -> d.toString().contains(SourceTypes.TOPIC_OUTCOME))
			.isEmpty();
		assertThat(auditCount("RESEARCH_OUTCOME_USED", topic.id())).isEqualTo(1);

		// the page and the export
		mvc.perform(get("/research/topics/" + topic.id()).with(as(cao)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("王副市长")));
		mvc.perform(get("/research/topics/export").with(as(office))).andExpect(status().isOk());
		mvc.perform(get("/research/topics/" + topic.id() + "/activities/export").with(as(zhao))).andExpect(status().isOk());
	}

	@Test
	void aRegisteredTopicIsEditedThroughItsPageAndItsDeadlinesMove() throws Exception {
		AuthenticatedUser office = logIn("office");
		AuthenticatedUser zhao = member("物业管理科", "赵雪", Role.PUBLICIST);
		AuthenticatedUser cao = member("房地产市场监管科", "曹阳", Role.PUBLICIST);
		Topic topic = topics.create(form(unique("物业专项维修资金使用调研"), zhao, List.of(), null, null, Topic.Source.OWN), office);
		LocalDate today = LocalDate.now(clock);
		mvc.perform(get("/research/topics/" + topic.id() + "/edit").with(as(office)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"topic-fixed\"")));
		mvc.perform(get("/research/topics/" + topic.id() + "/edit").with(as(zhao))).andExpect(status().isForbidden());

		// milestones out of order through the page: refused in Chinese, nothing changed
		mvc.perform(post("/research/topics/" + topic.id() + "/edit").with(as(office)).with(csrf())
			.param("title", "改后的题目").param("source", "OWN").param("aim", "SERVE_DECISIONS")
			.param("unitId", Long.toString(zhao.unitId())).param("leadPersonId", Long.toString(zhao.personId()))
			.param("planOn", today.plusDays(9).toString()).param("fieldOn", today.plusDays(8).toString())
			.param("draftOn", today.plusDays(20).toString()).param("finalOn", today.plusDays(30).toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("各节点日期须按")));
		assertThat(topics.get(topic.id()).title()).isEqualTo(topic.title());

		mvc.perform(post("/research/topics/" + topic.id() + "/edit").with(as(office)).with(csrf())
			.param("title", "物业专项维修资金使用监管调研").param("background", "新背景").param("source", "OWN")
			.param("aim", "SERVE_DECISIONS").param("unitId", Long.toString(zhao.unitId()))
			.param("leadPersonId", Long.toString(zhao.personId())).param("memberPersonIds", Long.toString(cao.personId()))
			.param("planOn", today.plusDays(7).toString()).param("fieldOn", today.plusDays(15).toString())
			.param("draftOn", today.plusDays(40).toString()).param("finalOn", today.plusDays(60).toString()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "课题已修改。"));
		Topic edited = topics.get(topic.id());
		assertThat(edited.title()).isEqualTo("物业专项维修资金使用监管调研");
		assertThat(edited.aim()).isEqualTo(Topic.Aim.SERVE_DECISIONS);
		assertThat(edited.source()).isEqualTo(Topic.Source.OWN);
		assertThat(edited.memberPersonIds()).containsExactly(cao.personId());
		Topic.Milestone last = edited.milestones().get(3);
		assertThat(last.dueOn()).isEqualTo(today.plusDays(60));
		// the deadline moved with the day and follows the new group member
		assertThat(jdbc.queryForObject("select due_at from notification_deadline where deadline_key = ?",
				java.time.OffsetDateTime.class, Topics.milestoneKey(last.id())).toInstant())
			.isEqualTo(today.plusDays(60).atTime(17, 30).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
		assertThat(auditCount("RESEARCH_TOPIC_UPDATED", topic.id())).isEqualTo(1);
	}

	@Test
	void aCandidateChosenInATopicAnalysisBecomesATopicOnce() throws Exception {
		AuthenticatedUser office = logIn("office");
		AuthenticatedUser zhao = member("物业管理科", "赵雪", Role.PUBLICIST);
		LocalDate today = LocalDate.now(clock);
		// no candidate, a session in the future: refused, nothing saved
		long before = jdbc.queryForObject("select count(*) from rsh_analysis", Long.class);
		assertThatThrownBy(() -> keyTopics.analyse(new TopicAnalysis.Form("选题会", today, null, null, List.of(" "), null,
				null, null), office))
			.extracting(ex -> ((ResearchException) ex).messageKey())
			.isEqualTo("research.analysis.candidate.required");
		mvc.perform(post("/research/analyses/new").with(as(office)).with(csrf()).param("title", "选题会")
			.param("heldOn", today.plusDays(1).toString()).param("candidateTitles[0]", "题目")
			.param("candidateProblems[0]", "HOT").param("candidateAims[0]", "EXPAND_WORK"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("请填写分析日期，且不能晚于今天")));
		assertThat(jdbc.queryForObject("select count(*) from rsh_analysis", Long.class)).isEqualTo(before);

		mvc.perform(post("/research/analyses/new").with(as(office)).with(csrf()).param("title", unique("第二次选题分析会"))
			.param("heldOn", today.toString()).param("candidateTitles[0]", "住房租赁市场规范发展调研")
			.param("candidateProblems[0]", "HOT").param("candidateAims[0]", "EXPAND_WORK")
			.param("candidateTitles[1]", "").param("candidateTitles[2]", "物业矛盾纠纷化解机制")
			.param("candidateProblems[2]", "DIFFICULT").param("candidateAims[2]", "BREAK_BOTTLENECKS"))
			.andExpect(status().is3xxRedirection());
		TopicAnalysis analysis = keyTopics.analyses().get(0);
		assertThat(analysis.candidates()).extracting(TopicAnalysis.Candidate::title)
			.containsExactly("住房租赁市场规范发展调研", "物业矛盾纠纷化解机制");
		TopicAnalysis.Candidate candidate = analysis.candidates().get(1);

		// not chosen yet: no topic from it
		assertThatThrownBy(() -> topics.create(form(candidate.title(), zhao, List.of(), null, candidate.id(),
				Topic.Source.ANALYSIS), office))
			.extracting(ex -> ((ResearchException) ex).messageKey())
			.isEqualTo("research.topic.candidate.notChosen");
		mvc.perform(post("/research/analyses/candidates/" + candidate.id() + "/choice").with(as(office)).with(csrf())
			.param("chosen", "true")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/research/topics/new").param("candidate", Long.toString(candidate.id())).with(as(office)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("物业矛盾纠纷化解机制")));
		Topic topic = topics.create(form(candidate.title(), zhao, List.of(), null, candidate.id(), Topic.Source.OWN), office);
		assertThat(topic.source()).isEqualTo(Topic.Source.ANALYSIS);
		assertThat(keyTopics.candidate(candidate.id()).topicId()).isEqualTo(topic.id());
		assertThatThrownBy(() -> topics.create(form(candidate.title(), zhao, List.of(), null, candidate.id(),
				Topic.Source.ANALYSIS), office))
			.extracting(ex -> ((ResearchException) ex).messageKey())
			.isEqualTo("research.topic.candidate.taken");
		assertThatThrownBy(() -> keyTopics.choose(candidate.id(), false, office))
			.extracting(ex -> ((ResearchException) ex).messageKey())
			.isEqualTo("research.topic.candidate.taken");
		mvc.perform(get("/research/analyses/" + analysis.id()).with(as(zhao)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/research/topics/" + topic.id())));
		mvc.perform(get("/research/analyses/export").with(as(zhao))).andExpect(status().isOk());

		// key topics: a body outside the four is refused; the list and export
		assertThatThrownBy(() -> keyTopics.add(today.getYear(), Topic.Source.OWN, "题目", null, office))
			.extracting(ex -> ((ResearchException) ex).messageKey())
			.isEqualTo("research.keyTopic.body.required");
		mvc.perform(get("/research/key-topics").with(as(zhao))).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("城市更新背景下老旧小区改造长效管理机制研究")));
		mvc.perform(get("/research/key-topics/export").with(as(zhao))).andExpect(status().isOk());
	}

	@Test
	void theDemoHasTopicsInEveryState() {
		logIn("office");
		List<Topic> all = topics.list(null, null, null, null, user("office"), scope());
		assertThat(all).extracting(Topic::status).contains(Topic.Status.PLANNED, Topic.Status.IN_PROGRESS,
				Topic.Status.CONCLUDED);
		assertThat(all).extracting(Topic::source).contains(Topic.Source.DISTRICT_GOVERNMENT, Topic.Source.ANALYSIS,
				Topic.Source.OWN);
		assertThat(all.stream().mapToInt(t -> topics.uses(t.id()).size()).sum()).isGreaterThanOrEqualTo(1);
	}

}
