package io.infodesk.monitoring.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo data of monitoring (profile {@code demo}, only while no item is stored): four sources (central, provincial,
 * city media and a local forum; disabled, with addresses under {@code demo.invalid}, so nothing is fetched) and a
 * fixture of realistic housing news and citizen complaints written by the project, ingested through {@link Items}
 * as if fetched today — an unfinished-project story reprinted by all four (a red alert with its cluster and first
 * publisher), unpaid wages, a property-company change, a ministry policy, a Wujin first, and unrelated news.
 */
@Component
@Profile("demo")
@Order(40)
class DemoMonitoring implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoMonitoring.class);

	private final JdbcTemplate jdbc;

	private final Schemes schemes;

	private final Sources sources;

	private final Items items;

	private final Clock clock;

	DemoMonitoring(JdbcTemplate jdbc, Schemes schemes, Sources sources, Items items, Clock clock) {
		this.jdbc = jdbc;
		this.schemes = schemes;
		this.sources = sources;
		this.items = items;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		schemes.installDefaultsAndLoad();
		Integer stored = jdbc.queryForObject("select count(*) from mon_item", Integer.class);
		if (stored != null && stored > 0) {
			return;
		}
		Instant now = Instant.now(clock);
		String delivery = "记者调查发现，湖塘镇某楼盘原定去年六月交房，至今仍未交付，开发商资金链断裂，项目停工近半年。"
				+ "数十名业主聚集在售楼处维权，要求开发商给出明确的交付时间，有业主表示每月还着房贷却拿不到房子。";
		ingest("人民网·地方领导留言板", Source.Kind.CENTRAL, 1, now, List.of(
				item("https://demo.invalid/people/1", "江苏常州一楼盘逾期交房 业主聚集维权", delivery, now.minus(Duration.ofHours(2)))));
		ingest("新华日报·交汇点", Source.Kind.PROVINCIAL, 2, now, List.of(
				item("https://demo.invalid/xhrb/1", "湖塘一楼盘延期交房 数十业主聚集维权", delivery, now.minus(Duration.ofHours(5))),
				item("https://demo.invalid/xhrb/2", "住房城乡建设部印发通知 部署推进城市更新行动",
						"住房城乡建设部近日印发通知，要求各地扎实推进城市更新，加快老旧小区改造和完整社区建设。",
						now.minus(Duration.ofHours(6))),
				item("https://demo.invalid/xhrb/3", "浙江杭州探索物业服务新模式 业委会履职有了清单",
						"杭州市创新推出业主委员会履职清单，探索“红色物业”新机制，物业纠纷同比下降三成。",
						now.minus(Duration.ofHours(20)))));
		ingest("常州日报", Source.Kind.CITY, 3, now, List.of(
				item("https://demo.invalid/czrb/1", "湖塘某楼盘交房延期 相关部门介入", delivery, now.minus(Duration.ofHours(4))),
				item("https://demo.invalid/czrb/2", "武进建成全省首个老旧小区改造数字化监管平台",
						"武进区住建局建成全省首个老旧小区改造数字化监管平台，施工进度、质量和资金实时可查。",
						now.minus(Duration.ofHours(8))),
				item("https://demo.invalid/czrb/3", "冬季全民健身活动启动", "市体育局启动冬季全民健身系列活动，市民可免费参加。",
						now.minus(Duration.ofHours(9)))));
		ingest("武进论坛·民生投诉", Source.Kind.FORUM, 4, now, List.of(
				item("https://demo.invalid/bbs/101", "楼盘烂尾一年了，我们业主该找谁？", delivery, now.minus(Duration.ofHours(1))),
				item("https://demo.invalid/bbs/102", "工地包工头拖欠我们三个月工资",
						"我们二十多个农民工在牛塘一个工地干了半年，包工头拖欠三个月工资，找项目部也推诿，眼看要过年了，血汗钱讨不回来。",
						now.minus(Duration.ofHours(3))),
				item("https://demo.invalid/bbs/103", "小区要换物业，老物业拒不撤场",
						"我们小区业委会经业主大会表决选聘了新物业公司，老物业拒不交接，还锁了地下车库，停车费乱收费，业主很不满。",
						now.minus(Duration.ofHours(7))),
				item("https://demo.invalid/bbs/104", "求推荐湖塘附近好吃的馄饨店", "周末想带孩子去吃，大家有推荐吗？",
						now.minus(Duration.ofHours(10)))));
		log.info("Demo monitoring: {} items in {} clusters",
				jdbc.queryForObject("select count(*) from mon_item", Integer.class),
				jdbc.queryForObject("select count(*) from mon_cluster", Integer.class));
	}

	private void ingest(String name, Source.Kind kind, int tier, Instant now, List<Items.Incoming> incoming) {
		long id = sources.create(new Source(null, name, kind, tier, "江苏", Source.Format.FEED,
				"https://demo.invalid/" + kind.name().toLowerCase() + "/feed.xml", null, null, null, 60, false, false, null,
				null, null, null, 0, true, null, 0));
		items.ingest(new Items.Origin(id, name, tier), incoming);
	}

	private static Items.Incoming item(String url, String title, String body, Instant published) {
		return new Items.Incoming(url, title, body, published);
	}

}
