package io.infodesk.training.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.training.Attendance;
import io.infodesk.training.SkillArea;
import io.infodesk.training.TrainingForm;
import io.infodesk.training.TrainingSession;
import io.infodesk.training.TrainingSessions;

/**
 * Demo data of training (profile {@code demo}, only while there is no session), recorded by the demo login
 * {@code personnel} (组织人事科) through {@link TrainingSessions}: a writing workshop a month ago (one publicist
 * absent with a reason), a video-cutting session ten days ago (one invited publicist never signed in) and a new-media
 * session next week, the workshop's handout as a PDF, and 赵雪 (login {@code publicist}) declaring two skills and giving
 * feedback on the two sessions she attended. Runs after the demo research (35).
 */
@Component
@Profile("demo")
@Order(36)
class DemoTraining implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoTraining.class);

	private final TrainingSessions sessions;

	private final io.infodesk.training.PublicistProfiles profiles;

	private final Organization organization;

	private final UserDetailsService users;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	DemoTraining(TrainingSessions sessions, io.infodesk.training.PublicistProfiles profiles, Organization organization,
			UserDetailsService users, JdbcTemplate jdbc, Clock clock) {
		this.sessions = sessions;
		this.profiles = profiles;
		this.organization = organization;
		this.users = users;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (jdbc.queryForObject("select count(*) from trn_session", Long.class) > 0) {
			return;
		}
		AuthenticatedUser personnel = DemoSupport.login(users, "personnel").orElse(null);
		List<Person> people = DemoSupport.people(organization, new String[] { "物业管理科", "赵雪" },
				new String[] { "房地产市场监管科", "曹阳" }, new String[] { "建筑业管理科", "唐亮" }, new String[] { "住房保障科", "曾晓" });
		if (personnel == null || people.isEmpty()) {
			log.info("Demo training skipped: the demo accounts or people are missing");
			return;
		}
		DemoSupport.as(personnel, () -> create(personnel, people));
	}

	private void create(AuthenticatedUser personnel, List<Person> people) {
		LocalDate today = LocalDate.now(clock);
		List<Long> ids = people.stream().map(Person::getId).toList();
		TrainingSession writing = sessions.create(new TrainingForm("政务信息写作实务：如何写好一篇被采用的信息",
				SkillArea.WRITING, "区委办信息科 王科长", today.minusDays(30), "局三楼会议室", "课件《政务信息写作要点》", ids),
				personnel);
		sessions.record(writing.id(), ids.get(0), Attendance.Status.PRESENT, null, personnel);
		sessions.record(writing.id(), ids.get(1), Attendance.Status.ABSENT, "参加市局执法检查", personnel);
		sessions.record(writing.id(), ids.get(2), Attendance.Status.PRESENT, null, personnel);
		sessions.record(writing.id(), ids.get(3), Attendance.Status.PRESENT, null, personnel);
		TrainingSession video = sessions.create(new TrainingForm("短视频拍摄与剪辑", SkillArea.VIDEO, "区融媒体中心 李编辑",
				today.minusDays(10), "局五楼培训室", null, ids), personnel);
		sessions.record(video.id(), ids.get(0), Attendance.Status.PRESENT, null, personnel);
		sessions.record(video.id(), ids.get(1), Attendance.Status.PRESENT, null, personnel);
		sessions.record(video.id(), ids.get(2), Attendance.Status.PRESENT, null, personnel);
		sessions.create(new TrainingForm("政务新媒体运营与舆情应对", SkillArea.NEW_MEDIA, "市住建局宣传处 张处长",
				today.plusDays(7), "局三楼会议室", null, ids), personnel);
		byte[] handout = ("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
			.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		profiles.addMaterial(writing.id(), new io.infodesk.shared.files.Upload("政务信息写作要点.pdf", handout.length,
				new org.springframework.core.io.ByteArrayResource(handout)), personnel);
		// 赵雪 (demo login "publicist") declares her skills and gives feedback on the two sessions she attended
		DemoSupport.login(users, "publicist")
			.filter(publicist -> ids.get(0).equals(publicist.personId()))
			.ifPresent(publicist -> DemoSupport.as(publicist, () -> {
				profiles.declareSkill(ids.get(0), SkillArea.PHOTOGRAPHY, "新闻摄影、无人机航拍", publicist);
				profiles.declareSkill(ids.get(0), SkillArea.NEW_MEDIA, "公众号排版、短视频脚本", publicist);
				profiles.giveFeedback(writing.id(), 5, "案例贴近住建工作，讲评很实用", publicist);
				profiles.giveFeedback(video.id(), 4, "希望增加手机剪辑实操时间", publicist);
			}));
		log.info("Demo training created: three sessions with attendance, a handout, declared skills and feedback");
	}

}
