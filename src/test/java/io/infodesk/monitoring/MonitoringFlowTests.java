package io.infodesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.infodesk.monitoring.internal.FeedServer;
import io.infodesk.monitoring.internal.Feedback;
import io.infodesk.monitoring.internal.Items;
import io.infodesk.monitoring.internal.Source;
import io.infodesk.monitoring.internal.Sources;

/** Demo data, fetching from a local server into clustered, matched items, the pages, the form's refusals, feedback. */
class MonitoringFlowTests extends MonitoringIntegrationTest {

	@Autowired
	Sources sources;

	@Autowired
	Feedback feedback;

	@Autowired
	Items items;

	@Test
	void demoShowsARedClusterReprintedByFourSources() {
		Integer spread = jdbc.queryForObject("select max(source_count) from mon_cluster", Integer.class);
		assertThat(spread).isEqualTo(4);
		assertThat(jdbc.queryForList("select alert_level from mon_item where url = 'https://demo.invalid/people/1'", String.class))
			.containsExactly(AlertLevel.SEVERE.name());
		assertThat(jdbc.queryForObject("select count(*) from mon_item where matched = false", Integer.class)).isEqualTo(2);
	}

	/**
	 * What a new user sees at once (issue 14 point 13): the fixture set of monitoring/demo (RSS, Atom, an HTML list
	 * page) ingested through Items as four disabled sources under demo.invalid, clusters with reprints and levels, the
	 * cases at three stages with their logged actions, a commentator's guidance task, a reported and an archived clue.
	 */
	@Test
	void demoLoadsTheFixtureSetWithClustersLevelsCasesAClueAndAGuidanceTask() {
		// the demo's own sources (other tests of the shared context add theirs): fixtures under demo.invalid, never fetched
		assertThat(jdbc.queryForObject("select count(*) from mon_source where url like 'https://demo.invalid/%'",
				Integer.class)).isGreaterThanOrEqualTo(4);
		assertThat(jdbc.queryForObject(
				"select count(*) from mon_source where url like 'https://demo.invalid/%' and enabled = true", Integer.class))
			.isZero();
		assertThat(jdbc.queryForObject(
				"select count(*) from mon_source where url like 'https://demo.invalid/%' and format = 'HTML'", Integer.class))
			.isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from mon_item", Integer.class)).isGreaterThanOrEqualTo(13);
		assertThat(jdbc.queryForObject("select count(*) from mon_cluster where source_count > 1", Integer.class))
			.isGreaterThanOrEqualTo(1);
		assertThat(jdbc.queryForList("select distinct alert_level from mon_item where alert_level is not null", String.class))
			.hasSizeGreaterThanOrEqualTo(2).contains(AlertLevel.SEVERE.name());
		assertThat(jdbc.queryForList("select status from mon_case", String.class)).contains("OPEN", "HANDLING", "CLOSED");
		assertThat(jdbc.queryForObject("select count(*) from mon_case_action a join mon_case c on c.id = a.case_id "
				+ "where c.status = 'HANDLING'", Integer.class)).isGreaterThanOrEqualTo(2);
		assertThat(jdbc.queryForObject("select count(*) from mon_guidance_task", Integer.class)).isGreaterThanOrEqualTo(1);
		assertThat(jdbc.queryForList("select status from mon_clue", String.class)).contains("REPORTED", "ARCHIVED");
		assertThat(jdbc.queryForObject("select count(*) from mon_item where url = 'https://demo.invalid/bbs/102'", Integer.class))
			.isEqualTo(1);
	}

	@Test
	void fetchesFeedsAndPagesFromALocalServerWithConditionalGetAndBackOff() throws Exception {
		logIn("office");
		try (FeedServer server = new FeedServer()) {
			long rss = sources.create(source("本地RSS", Source.Format.FEED, server.url("/rss.xml"), true, null));
			Sources.Outcome first = sources.fetch(sources.find(rss).orElseThrow());
			assertThat(first.ok()).isTrue();
			assertThat(first.added()).isEqualTo(3);
			assertThat(sources.fetch(sources.find(rss).orElseThrow()).status()).isEqualTo("304");
			long atom = sources.create(source("本地Atom", Source.Format.FEED, server.url("/atom.xml"), true, null));
			assertThat(sources.fetch(sources.find(atom).orElseThrow()).added()).isEqualTo(1);
			Integer clustered = jdbc.queryForObject("select c.source_count from mon_item i join mon_cluster c on c.id = i.cluster_id "
					+ "where i.url = 'http://js.example.cn/n/1'", Integer.class);
			assertThat(clustered).isEqualTo(2);
			long page = sources.create(source("本地网页", Source.Format.HTML, server.url("/list.html"), true, "ul.news li"));
			assertThat(sources.fetch(sources.find(page).orElseThrow()).added()).isEqualTo(2);
			assertThat(jdbc.queryForObject("select topics from mon_item where title like '%二十余名农民工讨薪%'", String.class))
				.contains("WAGES");
			long gbk = sources.create(source("本地GBK", Source.Format.FEED, server.url("/gbk.xml"), true, null));
			sources.fetch(sources.find(gbk).orElseThrow());
			assertThat(jdbc.queryForObject("select topics from mon_item where url = 'http://bbs.example.cn/t/88'", String.class))
				.isEqualTo("PROPERTY");

			long internal = sources.create(source("未允许内网", Source.Format.FEED, server.url("/rss.xml"), false, null));
			assertThat(sources.fetch(sources.find(internal).orElseThrow()).status()).contains("拒绝抓取内网或本机地址");
			long broken = sources.create(source("坏源", Source.Format.FEED, server.url("/broken.xml"), true, null));
			for (int i = 0; i < 3; i++) {
				assertThat(sources.fetch(sources.find(broken).orElseThrow()).ok()).isFalse();
			}
			Source unhealthy = sources.find(broken).orElseThrow();
			assertThat(unhealthy.healthy()).isFalse();
			assertThat(unhealthy.failures()).isEqualTo(3);
			assertThat(unhealthy.nextFetchAt()).isAfter(clock.instant().plusSeconds(60L * 60 * 7));
		}
	}

	@Test
	void itemsPageHighlightsWordsAndTheOfficeMarksThem() throws Exception {
		String html = mvc.perform(get("/monitoring/items").with(as(user("office"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("<mark>").contains("mon-level-red").contains("首发");
		long id = jdbc.queryForObject("select min(id) from mon_item where matched = true and topics like '%WAGES%'", Long.class);
		mvc.perform(post("/monitoring/items/{id}/mark", id).param("mark", "FALSE_POSITIVE").with(csrf()).with(as(user("office"))))
			.andExpect(status().is3xxRedirection());
		assertThat(feedback.precisionBySchemeName().get("农民工工资").falsePositive()).isEqualTo(1);
		mvc.perform(get("/monitoring/schemes").with(as(user("office")))).andExpect(status().isOk());
		mvc.perform(get("/monitoring/items/export").with(as(user("leader")))).andExpect(status().isOk());
	}

	/**
	 * The daily watch desk (S3.5-a, the acceptance's "today's housing hot-spot items"): the items page counts the
	 * matched items published today by hot spot, level and class, each figure a link to the list of that day; the
	 * day filter lists an item published today and not one published three days ago, and the other way round.
	 */
	@Test
	void todaysMatchedItemsAreCountedByHotSpotAndListedByTheDayFilter() throws Exception {
		LocalDate today = LocalDate.now(clock);
		Items.DayFigures before = items.day(today);
		Items.DayFigures earlierBefore = items.day(today.minusDays(3));
		items.ingest(new Items.Origin(null, "今日测试源", 2), List.of(
				new Items.Incoming("https://today.example.cn/wages/1", "洛阳镇某安置房工地拖欠四十名农民工工资",
						"工人们反映包工头已三个月未发工资，春节临近，多次讨薪无果，要求总包单位尽快支付。",
						clock.instant().minus(Duration.ofHours(1))),
				new Items.Incoming("https://today.example.cn/property/1", "横林镇某小区物业费上涨引发业主不满",
						"业主反映物业公司未经业主大会同意上调物业费，服务质量却没有提高。",
						clock.instant().minus(Duration.ofDays(3)))));
		long todays = jdbc.queryForObject("select id from mon_item where url = 'https://today.example.cn/wages/1'", Long.class);
		long earlier = jdbc.queryForObject("select id from mon_item where url = 'https://today.example.cn/property/1'",
				Long.class);
		assertThat(jdbc.queryForList("select matched from mon_item where id in (?, ?)", Boolean.class, todays, earlier))
			.containsOnly(true);

		Items.DayFigures after = items.day(today);
		assertThat(after.matched()).isEqualTo(before.matched() + 1);
		assertThat(after.relevant()).isEqualTo(before.relevant() + 1);
		assertThat(after.byTopic().get(Topic.WAGES)).isEqualTo(before.byTopic().get(Topic.WAGES) + 1);
		assertThat(after.byTopic().get(Topic.PROPERTY)).isEqualTo(before.byTopic().get(Topic.PROPERTY));
		assertThat(items.day(today.minusDays(3)).byTopic().get(Topic.PROPERTY))
			.isEqualTo(earlierBefore.byTopic().get(Topic.PROPERTY) + 1);

		String page = mvc.perform(get("/monitoring/items").with(as(user("leader"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"monitoring-today\"")
			.contains("今日（" + today + "）发布并命中方案" + after.matched() + "条")
			.contains("/monitoring/items?day=" + today + "&amp;topic=WAGES")
			.contains("农民工工资 " + after.byTopic().get(Topic.WAGES));
		String ofToday = mvc.perform(get("/monitoring/items").param("day", today.toString()).with(as(user("office"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(ofToday).contains("monitoring-item-" + todays + "\"").doesNotContain("monitoring-item-" + earlier + "\"");
		String ofThatDay = mvc.perform(get("/monitoring/items").param("day", today.minusDays(3).toString())
			.param("topic", "PROPERTY").with(as(user("office"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(ofThatDay).contains("monitoring-item-" + earlier + "\"").doesNotContain("monitoring-item-" + todays + "\"");
		String malformed = mvc.perform(get("/monitoring/items").param("day", "2026-13-45").with(as(user("office"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(malformed).contains("monitoring-item-" + todays + "\"").contains("monitoring-item-" + earlier + "\"");
		mvc.perform(get("/monitoring/items/export").param("day", today.toString()).with(as(user("office"))))
			.andExpect(status().isOk());
	}

	@Test
	void schemeFormRefusesNotOnlyAndEmptySchemesInChineseSavingNothing() throws Exception {
		Integer before = jdbc.queryForObject("select count(*) from mon_scheme", Integer.class);
		String notOnly = mvc.perform(post("/monitoring/schemes/new").with(csrf()).with(as(user("office")))
			.param("code", "X1").param("name", "只有排除词").param("logic", "AND").param("weight", "2")
			.param("exclusion", "房车").param("enabled", "true"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(notOnly).contains("方案只有排除词");
		String empty = mvc.perform(post("/monitoring/schemes/new").with(csrf()).with(as(user("office")))
			.param("code", "X2").param("name", "空方案").param("logic", "OR").param("weight", "2"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(empty).contains("空方案不能保存");
		assertThat(jdbc.queryForObject("select count(*) from mon_scheme", Integer.class)).isEqualTo(before);
		mvc.perform(post("/monitoring/schemes/new").with(csrf()).with(as(user("office")))
			.param("code", "ELEVATOR").param("name", "加装电梯").param("logic", "OR").param("weight", "2")
			.param("subject", "加装电梯 电梯加装").param("enabled", "true"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/api/monitoring/match").with(as(user("office")))
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("[{\"id\":1,\"title\":\"老小区加装电梯遇阻\",\"text\":\"\"}]"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[0].schemes[*]")
				.value(org.hamcrest.Matchers.hasItem("加装电梯")));
	}

	/**
	 * Issue 14 point 4: a scheme is previewed before saving (how many stored items it would match, nothing saved),
	 * applies to new items once saved, and to the stored ones on request (重新匹配); disabled and matched again, the
	 * stored item is as before.
	 */
	@Test
	void aNewSchemeIsPreviewedThenAppliedRetroactivelyToStoredItems() throws Exception {
		String wonton = "select matched from mon_item where url = 'https://demo.invalid/bbs/104'";
		assertThat(jdbc.queryForObject(wonton, Boolean.class)).isFalse();
		String preview = mvc.perform(post("/monitoring/schemes/new").with(csrf()).with(as(user("office")))
			.param("code", "FOOD").param("name", "餐饮小吃").param("logic", "OR").param("weight", "1")
			.param("subject", "馄饨 小笼包").param("enabled", "true").param("preview", "true"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(preview).contains("id=\"scheme-preview\"").contains("将命中 1 条");
		assertThat(jdbc.queryForObject("select count(*) from mon_scheme where code = 'FOOD'", Integer.class)).isZero();
		String refused = mvc.perform(post("/monitoring/schemes/new").with(csrf()).with(as(user("office")))
			.param("code", "FOOD").param("name", "餐饮小吃").param("logic", "OR").param("weight", "1")
			.param("exclusion", "馄饨").param("preview", "true"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("方案只有排除词").doesNotContain("id=\"scheme-preview\"");

		mvc.perform(post("/monitoring/schemes/new").with(csrf()).with(as(user("office")))
			.param("code", "FOOD").param("name", "餐饮小吃").param("logic", "OR").param("weight", "1")
			.param("subject", "馄饨 小笼包").param("enabled", "true"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject(wonton, Boolean.class)).as("stored items change only on request").isFalse();
		mvc.perform(post("/monitoring/items/rematch").with(csrf()).with(as(user("office"))))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject(wonton, Boolean.class)).isTrue();
		assertThat(jdbc.queryForObject("select words from mon_item where url = 'https://demo.invalid/bbs/104'", String.class))
			.contains("馄饨");

		long id = jdbc.queryForObject("select id from mon_scheme where code = 'FOOD'", Long.class);
		mvc.perform(post("/monitoring/schemes/{id}/edit", id).with(csrf()).with(as(user("office")))
			.param("code", "FOOD").param("name", "餐饮小吃").param("logic", "OR").param("weight", "1")
			.param("subject", "馄饨 小笼包").param("_enabled", "on"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select enabled from mon_scheme where id = ?", Boolean.class, id)).isFalse();
		mvc.perform(post("/monitoring/items/rematch").with(csrf()).with(as(user("office"))))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject(wonton, Boolean.class)).isFalse();
	}

	private static Source source(String name, Source.Format format, String url, boolean allowInternal, String selector) {
		return new Source(null, name, Source.Kind.CITY, 3, "常州", format, url, selector, selector == null ? null : ".date",
				null, 60, true, allowInternal, null, null, null, null, 0, true, null, 0);
	}

}
