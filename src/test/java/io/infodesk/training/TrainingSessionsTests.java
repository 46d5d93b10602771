package io.infodesk.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.infodesk.account.Role;
import io.infodesk.reporting.ReportingIntegrationTest;
import io.infodesk.shared.security.AuthenticatedUser;

/**
 * Practical training (S4-b): a session with its invited publicists, attendance (absent only with a reason, not
 * before the day), the unit whose publicist missed it flagged, and the session on the publicist's profile.
 */
class TrainingSessionsTests extends ReportingIntegrationTest {

	@Autowired
	TrainingSessions sessions;

	@Autowired
	PublicistProfiles profiles;

	@Test
	void attendanceReachesTheProfileAndAMissedSessionFlagsTheUnit() throws Exception {
		AuthenticatedUser personnel = logIn("personnel");
		long zhao = person("物业管理科", "赵雪").getId();
		long cao = person("房地产市场监管科", "曹阳").getId();
		LocalDate yesterday = LocalDate.now(clock).minusDays(1);
		String topic = unique("信息写作实务培训");
		TrainingSession session = sessions.create(new TrainingForm(topic, SkillArea.WRITING, "区委办 王科长", yesterday,
				"局三楼会议室", null, List.of(zhao, cao)), personnel);

		// absent without a reason: refused through the page in Chinese, nothing changed
		mvc.perform(post("/training/sessions/" + session.id() + "/attendance/" + cao).param("status", "ABSENT")
			.param("reason", " ")
			.with(csrf())
			.with(as(personnel)))
			.andExpect(flash().attribute("flashError", "缺席请填写原因"));
		assertThat(sessions.attendance(session.id())).filteredOn(a -> a.personId() == cao)
			.extracting(Attendance::status)
			.containsExactly(Attendance.Status.INVITED);

		mvc.perform(post("/training/sessions/" + session.id() + "/attendance/" + zhao).param("status", "PRESENT")
			.with(csrf())
			.with(as(personnel)))
			.andExpect(flash().attribute("flashSuccess", "签到情况已保存。"));
		sessions.record(session.id(), cao, Attendance.Status.ABSENT, "外出执法检查", personnel);

		// a session of next week takes no attendance yet
		TrainingSession later = sessions.create(new TrainingForm(unique("新媒体培训"), SkillArea.NEW_MEDIA, "李编辑",
				yesterday.plusDays(8), "培训室", null, List.of(zhao)), personnel);
		assertThatThrownBy(() -> sessions.record(later.id(), zhao, Attendance.Status.PRESENT, null, personnel))
			.extracting(ex -> ((TrainingException) ex).messageKey())
			.isEqualTo("training.attendance.future");

		// 曹阳 is a publicist of 房地产市场监管科: the unit is flagged with the reason
		mvc.perform(get("/training/missed").with(as(user("office"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("房地产市场监管科")))
			.andExpect(content().string(Matchers.containsString("外出执法检查")));

		// the publicist's profile shows the session and the skill; her scope is her own unit
		AuthenticatedUser publicist = user("publicist");
		mvc.perform(get("/training/people/" + zhao).with(as(publicist)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString(topic)))
			.andExpect(content().string(Matchers.containsString("已签到")));
		mvc.perform(get("/training/people/" + cao).with(as(publicist))).andExpect(status().isForbidden());
		AuthenticatedUser staff = member("物业管理科", "钱进", Role.STAFF);
		mvc.perform(get("/training/sessions/" + session.id()).with(as(staff)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("赵雪")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("曹阳"))));
		mvc.perform(post("/training/sessions/new").with(as(staff)).with(csrf())).andExpect(status().isForbidden());
	}


	@Test
	void declaredSkillsFeedbackMaterialsAndProductsOnTheProfile() throws Exception {
		AuthenticatedUser personnel = logIn("personnel");
		AuthenticatedUser zhao = user("publicist");
		AuthenticatedUser cao = member("房地产市场监管科", "曹阳", Role.PUBLICIST);
		long zhaoId = zhao.personId();
		TrainingSession session = sessions.create(new TrainingForm(unique("新闻摄影实务培训"), SkillArea.PHOTOGRAPHY,
				"市日报 摄影部", LocalDate.now(clock), "局三楼会议室", null, List.of(zhaoId, cao.personId())), personnel);

		// declared skills: the person themself (or the organiser); another publicist is refused
		mvc.perform(post("/training/people/" + zhaoId + "/skills").param("area", "VIDEO").param("note", "剪映、短视频脚本")
			.with(csrf()).with(as(zhao)))
			.andExpect(flash().attribute("flashSuccess", "技能已申报。"));
		mvc.perform(post("/training/people/" + zhaoId + "/skills").param("area", "EDITING").with(csrf()).with(as(cao)))
			.andExpect(status().isForbidden());
		assertThat(profiles.declaredSkills(zhaoId)).extracting(PublicistProfiles.DeclaredSkill::area)
			.contains(SkillArea.VIDEO).doesNotContain(SkillArea.EDITING);

		// feedback: only who signed in, rating 1–5
		mvc.perform(post("/training/sessions/" + session.id() + "/feedback").param("rating", "5").with(csrf()).with(as(zhao)))
			.andExpect(flash().attribute("flashError", "只有已签到的参训人员才能反馈"));
		sessions.record(session.id(), zhaoId, Attendance.Status.PRESENT, null, personnel);
		mvc.perform(post("/training/sessions/" + session.id() + "/feedback").param("rating", "6").with(csrf()).with(as(zhao)))
			.andExpect(flash().attribute("flashError", "评分应在 1 至 5 之间"));
		assertThat(profiles.feedback(session.id())).isEmpty();
		mvc.perform(post("/training/sessions/" + session.id() + "/feedback").param("rating", "4")
			.param("comment", "案例很实用，希望增加现场实操").with(csrf()).with(as(zhao)))
			.andExpect(flash().attribute("flashSuccess", "反馈已提交，谢谢。"));

		// materials as files: a PDF kept and downloaded, a text file refused with nothing saved
		byte[] pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".getBytes();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
				"/training/sessions/" + session.id() + "/materials")
			.file(new org.springframework.mock.web.MockMultipartFile("file", "notes.txt", "text/plain", "纯文本".getBytes()))
			.with(csrf()).with(as(personnel)))
			.andExpect(flash().attribute("flashError", Matchers.notNullValue()));
		assertThat(profiles.materials(session.id())).isEmpty();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
				"/training/sessions/" + session.id() + "/materials")
			.file(new org.springframework.mock.web.MockMultipartFile("file", "摄影讲义.pdf", "application/pdf", pdf))
			.with(csrf()).with(as(personnel)))
			.andExpect(flash().attribute("flashSuccess", "培训资料已上传。"));
		PublicistProfiles.Material material = profiles.materials(session.id()).get(0);
		mvc.perform(get("/training/sessions/" + session.id() + "/materials/" + material.id()).with(as(zhao)))
			.andExpect(status().isOk())
			.andExpect(content().bytes(pdf));
		mvc.perform(get("/training/sessions/" + session.id()).with(as(zhao)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("摄影讲义.pdf")))
			.andExpect(content().string(Matchers.containsString("案例很实用，希望增加现场实操")))
			.andExpect(content().string(Matchers.containsString("平均评分 4.0（1 人反馈）")));

		// the profile: declared and earned skills, and what the person produced elsewhere (the demo's coverage)
		mvc.perform(get("/training/people/" + zhaoId).with(as(zhao)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("剪映、短视频脚本")))
			.andExpect(content().string(Matchers.containsString("profile-products")));
		long first = organization.peopleOf(unitId("物业管理科")).stream().filter(io.infodesk.organization.Person::isActive)
			.findFirst().orElseThrow().getId();
		assertThat(profiles.products(first, LocalDate.now(clock).getYear()))
			.anySatisfy(p -> assertThat(p.kind()).isEqualTo("COVERAGE"));
		// and the demo year's items of 赵雪 that were submitted and not adopted (reporting's ScoringRecords)
		assertThat(profiles.products(zhaoId, LocalDate.now(clock).getYear()))
			.anySatisfy(p -> assertThat(p.kind()).isEqualTo("SUBMITTED"))
			.filteredOn(p -> p.kind().equals("SUBMITTED"))
			.allSatisfy(p -> assertThat(p.percent()).isPositive());
		assertThat(auditCount("TRAINING_FEEDBACK_GIVEN", session.id())).isEqualTo(1);
	}
}
