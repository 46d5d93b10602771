package io.infodesk.training.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
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
 * session next week. Runs after the demo research (35).
 */
@Component
@Profile("demo")
@Order(36)
class DemoTraining implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoTraining.class);

	private final TrainingSessions sessions;

	private final Organization organization;

	private final UserDetailsService users;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	DemoTraining(TrainingSessions sessions, Organization organization, UserDetailsService users, JdbcTemplate jdbc,
			Clock clock) {
		this.sessions = sessions;
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
		AuthenticatedUser personnel;
		try {
			personnel = (AuthenticatedUser) users.loadUserByUsername("personnel");
		}
		catch (org.springframework.security.core.userdetails.UsernameNotFoundException missing) {
			log.info("Demo training skipped: the demo accounts are missing");
			return;
		}
		List<Person> people = new ArrayList<>();
		for (String[] name : List.of(new String[] { "物业管理科", "赵雪" }, new String[] { "房地产市场监管科", "曹阳" },
				new String[] { "建筑业管理科", "唐亮" }, new String[] { "住房保障科", "曾晓" })) {
			organization.personNamed(name[0], name[1]).ifPresent(people::add);
		}
		if (people.size() < 4) {
			log.info("Demo training skipped: the demo organisation is missing");
			return;
		}
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(personnel, null, personnel.getAuthorities()));
		try {
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
			log.info("Demo training created: three sessions with attendance");
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
