package io.infodesk.xuexi.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;
import io.infodesk.review.ReviewProcess;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.web.BusinessException;
import io.infodesk.xuexi.ActivityKind;
import io.infodesk.xuexi.Article;
import io.infodesk.xuexi.ArticleForm;
import io.infodesk.xuexi.PlatformLevel;
import io.infodesk.xuexi.XuexiActivities;
import io.infodesk.xuexi.XuexiArticles;

/**
 * Demo article supply and learning activities (profile {@code demo}, only while no article exists), written through
 * the module's services as the demo users: this year's quotas (4 articles for the city platform per unit, 1 for the
 * province for 物业管理科), an article of 物业管理科 signed off, submitted yesterday and adopted today by the city
 * platform (its {@code ArticleAdopted} gives 物业管理科 and its authors their {@code XUEXI_ARTICLE} points), one waiting
 * for the head of the unit, and a theme party day that used platform content.
 */
@Component
@Profile("demo")
@Order(41)
class DemoXuexiArticles implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoXuexiArticles.class);

	private static final String UNIT = "物业管理科";

	private final XuexiArticles articles;

	private final XuexiActivities activities;

	private final Organization organization;

	private final UserDetailsService users;

	private final Clock clock;

	DemoXuexiArticles(XuexiArticles articles, XuexiActivities activities, Organization organization,
			UserDetailsService users, Clock clock) {
		this.articles = articles;
		this.activities = activities;
		this.organization = organization;
		this.users = users;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (articles.count() > 0) {
			return;
		}
		Optional<AuthenticatedUser> personnel = user("personnel");
		Optional<AuthenticatedUser> publicist = user("publicist");
		Optional<AuthenticatedUser> head = user("head");
		Optional<AuthenticatedUser> charge = user("charge");
		Optional<Person> writer = organization.personNamed(UNIT, "赵雪");
		Optional<Person> colleague = organization.personNamed(UNIT, "钱进");
		if (personnel.isEmpty() || publicist.isEmpty() || head.isEmpty() || charge.isEmpty() || writer.isEmpty()
				|| colleague.isEmpty()) {
			log.info("Demo xuexi articles skipped: the demo organisation or accounts are missing");
			return;
		}
		try {
			LocalDate today = LocalDate.now(clock);
			as(personnel.get());
			for (Unit unit : organization.activeUnits()) {
				articles.setQuota(new XuexiArticles.QuotaForm(unit.getId(), PlatformLevel.CITY, today.getYear(), 0, 4),
						personnel.get());
			}
			long unitId = writer.get().getUnitId();
			articles.setQuota(new XuexiArticles.QuotaForm(unitId, PlatformLevel.PROVINCE, today.getYear(), 0, 1),
					personnel.get());

			as(publicist.get());
			Article submitted = articles.create(new ArticleForm(unitId, "“红色物业”让老旧小区焕发新活力",
					"""
							今年以来，区住建局物业管理科把党建引领贯穿物业服务全过程，推动物业服务企业党组织与社区党组织结对共建。
							在老旧小区，党员志愿者与物业服务人员一起开展楼道清理、设施巡检和邻里调解，居民满意度明显提升。
							下一步，我们将总结试点经验，在全区推广“红色物业”服务模式。""",
					3, PlatformLevel.CITY, List.of(writer.get().getId(), colleague.get().getId())), publicist.get(),
					DataScope.all());
			articles.submitForReview(submitted.id(), publicist.get(), DataScope.all());
			approve(submitted, head.get());
			approve(submitted, charge.get());
			as(publicist.get());
			articles.recordSubmission(submitted.id(), today.minusDays(1), "市学习平台投稿系统", publicist.get(),
					DataScope.all());
			articles.recordAdoption(submitted.id(), PlatformLevel.CITY, today, "https://demo.invalid/xuexi/article/1",
					publicist.get(), DataScope.all());

			Article waiting = articles.create(new ArticleForm(unitId, "加装电梯“一梯一策”惠及千余户居民",
					"区住建局推行“一梯一策”协调机制，今年已完成加装电梯 46 部，惠及居民 1100 余户。", 2,
					PlatformLevel.PROVINCE, List.of(writer.get().getId())), publicist.get(), DataScope.all());
			articles.submitForReview(waiting.id(), publicist.get(), DataScope.all());

			activities.record(new XuexiActivities.ActivityForm(unitId, today.minusDays(5), ActivityKind.PARTY_DAY,
					"学习强国“红色物业”专题主题党日", 9, "赵雪、钱进等", "学习强国“学习文选”专栏、“强国视频”《红色物业》"), publicist.get(),
					DataScope.all());
		}
		catch (BusinessException refused) {
			log.warn("Demo xuexi articles incomplete: {}", refused.messageKey());
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void approve(Article article, AuthenticatedUser reviewer) {
		as(reviewer);
		ReviewProcess process = articles.review(article.id()).orElseThrow();
		articles.approve(article.id(), process.getRound(), process.getCurrentStep(), null, reviewer, DataScope.all());
	}

	private Optional<AuthenticatedUser> user(String username) {
		try {
			return Optional.of((AuthenticatedUser) users.loadUserByUsername(username));
		}
		catch (UsernameNotFoundException | ClassCastException missing) {
			return Optional.empty();
		}
	}

	private static void as(AuthenticatedUser user) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

}
