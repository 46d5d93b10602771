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

}
