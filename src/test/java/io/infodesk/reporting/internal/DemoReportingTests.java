package io.infodesk.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import io.infodesk.reporting.ReportingIntegrationTest;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.solicitation.Solicitation;
import io.infodesk.reporting.solicitation.SolicitationFilter;
import io.infodesk.reporting.solicitation.Solicitations;
import io.infodesk.review.InboxNotice;

/**
 * The demo (profile demo) has information items in every state of 物业管理科, a solicitation due tomorrow, a
 * same-day item in review and an adoption, written as the demo users; a second run adds nothing.
 */
class DemoReportingTests extends ReportingIntegrationTest {

	@Autowired
	Solicitations solicitations;

	@Autowired
	ApplicationContext context;

	private String statusOf(String title) {
		return jdbc.queryForObject("select status from rpt_item where title = ?", String.class, title);
	}

	@Test
	void theDemoShowsEveryStateOfTheWorkflow() {
		assertThat(statusOf("我区物业服务企业全面开展冬季供暖设施巡查")).isEqualTo("DRAFT");
		assertThat(statusOf("老旧小区加装电梯惠及千余户居民")).isEqualTo("IN_REVIEW");
		assertThat(statusOf("物业管理委员会组建工作取得阶段性成效")).isEqualTo("RETURNED");
		assertThat(statusOf("物业管理科党支部开展“红色物业”主题党日活动")).isEqualTo("SIGNED_OFF");
		assertThat(statusOf("我区探索物业服务费“质价相符”评价机制")).isEqualTo("ADOPTED");
		assertThat(statusOf("某小区地下车库消防管道爆裂，物业连夜组织抢修")).isEqualTo("IN_REVIEW");
		assertThat(jdbc.queryForObject(
				"select level from rpt_adoption a join rpt_item i on i.id = a.item_id where i.title = ?", String.class,
				"我区探索物业服务费“质价相符”评价机制")).isEqualTo("CITY");
	}

	@Test
	void theSolicitationIsDueTomorrowAndAnsweredByTheDraft() {
		Solicitation heating = solicitations
			.list(new SolicitationFilter("冬季供暖保障和物业服务工作开展情况", null, null, null),
					io.infodesk.shared.security.DataScope.all(), user("office"))
			.stream()
			.filter(solicitation -> solicitation.getTopic().equals("冬季供暖保障和物业服务工作开展情况"))
			.findFirst()
			.orElseThrow();
		assertThat(heating.getDeadline()).isEqualTo(shanghai(2026, 11, 28, 17, 0, 0));
		assertThat(solicitations.answers(heating.getId())).extracting(InformationItem::getTitle)
			.containsExactly("我区物业服务企业全面开展冬季供暖设施巡查");
		clock.advance(Duration.ofHours(9));
		assertThat(heating.dueSoonAt(clock.instant())).isTrue();
	}

	@Test
	void theSameDayItemWaitsForTheUnitHeadAndTheOfficeWasTold() {
		InformationItem urgent = items.get(jdbc.queryForObject("select id from rpt_item where title = ?", Long.class,
				"某小区地下车库消防管道爆裂，物业连夜组织抢修"));
		assertThat(urgent.isUrgent()).isTrue();
		assertThat(urgent.getDueAt()).isEqualTo(shanghai(2026, 11, 27, 23, 59, 59));
		assertThat(urgent.getReviewRole()).isEqualTo("UNIT_HEAD");
		assertThat(reviewChains.noticesFor(user("office"))).extracting(InboxNotice::getSummary)
			.anySatisfy(summary -> assertThat(summary).contains("消防管道爆裂"));
	}

	@Test
	void theDemoIsWrittenAsTheDemoUsersAndOnlyOnce() throws Exception {
		List<Map<String, Object>> actors = jdbc.queryForList(
				"select distinct actor from audit_entry where action in ('ITEM_CREATED', 'REVIEW_APPROVED', 'REVIEW_RETURNED', 'ITEM_ADOPTED')");
		assertThat(actors).extracting(row -> row.get("ACTOR") != null ? row.get("ACTOR") : row.get("actor"))
			.contains("publicist", "head", "office");
		int before = jdbc.queryForObject("select count(*) from rpt_item", Integer.class);
		context.getBeansOfType(ApplicationRunner.class)
			.values()
			.stream()
			.filter(runner -> runner.getClass().getSimpleName().startsWith("DemoReporting"))
			.findFirst()
			.orElseThrow()
			.run(new DefaultApplicationArguments());
		assertThat(jdbc.queryForObject("select count(*) from rpt_item", Integer.class)).isEqualTo(before);
	}

}
