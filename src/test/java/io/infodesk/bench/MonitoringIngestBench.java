package io.infodesk.bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.sun.net.httpserver.HttpServer;

import io.infodesk.InfoDeskApplication;
import io.infodesk.monitoring.internal.Source;
import io.infodesk.monitoring.internal.Sources;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The ingest benchmark of issue 14 ("Performance": 10,000 items from the local server deduplicated, clustered,
 * matched and stored in ≤ 60 s on H2 and on PostgreSQL), run by {@code bench/run-monitoring.sh}; a main class, never
 * a unit test.
 * <ol>
 * <li>InfoDesk starts (profile demo; with {@code postgres} on an embedded PostgreSQL 17, fsync off) with its shipped
 * default schemes;</li>
 * <li>ten local HTTP servers on 127.0.0.1 … 127.0.0.10 (ten hosts, so the per-host gap of the fetcher applies as in
 * production without making the bench wait) serve 20 RSS feeds of 500 items each: 10,000 items generated from
 * Chinese housing news and complaint sentences (delivery, wages, property, policy, unrelated), about 3,700 stories of
 * which most are reprinted by two to four feeds with edited headlines (near duplicates to cluster), every item its
 * own URL;</li>
 * <li>20 sources (tier 1–4, internal addresses allowed) are fetched one after the other through
 * {@code Sources.fetch} — the production path: HTTP, charset, ROME, URL canonicalisation, exact dedup, SimHash
 * clustering, the one automaton with all scheme logic, levels, storage, source health — timed end to end;</li>
 * <li>the same 20 feeds fetched again (every URL known: dedup only), timed.</li>
 * </ol>
 * Usage: {@code java … io.infodesk.bench.MonitoringIngestBench h2|postgres}.
 */
public final class MonitoringIngestBench {

	static final int FEEDS = 20;

	static final int PER_FEED = 500;

	static final int HOSTS = 10;

	public static void main(String[] args) throws Exception {
		String database = args.length == 0 ? "h2" : args[0];
		Path dataDir = Files.createTempDirectory("infodesk-monitoring-bench");
		EmbeddedPostgres pg = null;
		Map<String, Object> properties = new LinkedHashMap<>();
		if (database.equals("postgres")) {
			pg = EmbeddedPostgres.builder()
				.setServerConfig("timezone", "UTC")
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.start();
			try (Connection connection = pg.getPostgresDatabase().getConnection()) {
				connection.createStatement().execute("create database infodesk encoding 'UTF8' template template0");
			}
			properties.put("spring.datasource.url", pg.getJdbcUrl("postgres", "infodesk"));
			properties.put("spring.datasource.username", "postgres");
			properties.put("spring.datasource.password", "");
		}
		properties.put("server.port", "0");
		properties.put("server.address", "127.0.0.1");
		properties.put("infodesk.data-dir", dataDir.toString());
		properties.put("infodesk.demo.allow-any-database", "true");
		properties.put("logging.level.root", "WARN");
		properties.put("logging.file.name", dataDir.resolve("infodesk.log").toString());
		properties.put("infodesk.audit.purge-cron", "-");
		properties.put("infodesk.notification.digest-cron", "-");
		properties.put("infodesk.notification.poll-interval", "1h");
		properties.put("infodesk.notification.reminder-interval", "1h");
		properties.put("infodesk.reporting.missed-deadline-interval", "1h");
		// the scheduled fetch would fetch the bench's sources too: the bench fetches them itself
		properties.put("infodesk.monitoring.fetch-interval", "24h");
		properties.forEach((key, value) -> System.setProperty(key, String.valueOf(value)));
		long t0 = System.nanoTime();
		ConfigurableApplicationContext app = new SpringApplicationBuilder(InfoDeskApplication.class)
			.profiles(database.equals("postgres") ? new String[] { "postgres", "demo" } : new String[] { "demo" })
			.run();
		System.out.printf("MONITORING ingest %s: InfoDesk started in %.1f s, max heap %d MB, %d processors, load average %.1f%n",
				database, (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().maxMemory() >> 20,
				Runtime.getRuntime().availableProcessors(),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		List<HttpServer> servers = new ArrayList<>();
		try {
			List<byte[]> feeds = feeds(new Random(14));
			long bytes = feeds.stream().mapToLong(f -> f.length).sum();
			List<String> urls = new ArrayList<>();
			for (int h = 0; h < HOSTS; h++) {
				HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0." + (h + 1)), 0), 0);
				server.createContext("/", exchange -> {
					String path = exchange.getRequestURI().getPath();
					byte[] body = path.matches("/feed/\\d+\\.xml")
							? feeds.get(Integer.parseInt(path.replaceAll("\\D", ""))) : null;
					exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
					exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
					if (body != null) {
						try (OutputStream out = exchange.getResponseBody()) {
							out.write(body);
						}
					}
					exchange.close();
				});
				server.start();
				servers.add(server);
			}
			for (int f = 0; f < FEEDS; f++) {
				HttpServer server = servers.get(f % HOSTS);
				urls.add("http://127.0.0." + (f % HOSTS + 1) + ":" + server.getAddress().getPort() + "/feed/" + f + ".xml");
			}
			run(app, database, urls, bytes);
		}
		finally {
			servers.forEach(s -> s.stop(0));
			app.close();
			if (pg != null) {
				pg.close();
			}
		}
	}

	static void run(ConfigurableApplicationContext app, String database, List<String> urls, long bytes) {
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		UserDetails admin = app.getBean(UserDetailsService.class).loadUserByUsername("admin");
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
		Sources sources = app.getBean(Sources.class);
		int itemsBefore = jdbc.queryForObject("select count(*) from mon_item", Integer.class);
		int clustersBefore = jdbc.queryForObject("select count(*) from mon_cluster", Integer.class);
		Source.Kind[] kinds = { Source.Kind.CENTRAL, Source.Kind.PROVINCIAL, Source.Kind.CITY, Source.Kind.FORUM };
		List<Long> ids = new ArrayList<>();
		for (int f = 0; f < urls.size(); f++) {
			ids.add(sources.create(new Source(null, "压测源" + (f + 1), kinds[f % 4], f % 4 + 1, "江苏", Source.Format.FEED,
					urls.get(f), null, null, null, 60, true, true, null, null, null, null, 0, true, null, 0)));
		}
		for (int pass = 1; pass <= 2; pass++) {
			long t = System.nanoTime();
			int found = 0;
			int added = 0;
			int failed = 0;
			for (long id : ids) {
				Sources.Outcome outcome = sources.fetch(sources.find(id).orElseThrow());
				found += outcome.found();
				added += outcome.added();
				failed += outcome.ok() ? 0 : 1;
				if (!outcome.ok()) {
					System.out.println("MONITORING ingest " + database + ": source " + id + " failed: " + outcome.status());
				}
			}
			double seconds = (System.nanoTime() - t) / 1e9;
			int items = jdbc.queryForObject("select count(*) from mon_item", Integer.class) - itemsBefore;
			int clusters = jdbc.queryForObject("select count(*) from mon_cluster", Integer.class) - clustersBefore;
			int matched = jdbc.queryForObject("select count(*) from mon_item where matched = true and source_id in ("
					+ String.join(",", ids.stream().map(String::valueOf).toList()) + ")", Integer.class);
			int spread = jdbc.queryForObject("select coalesce(max(source_count), 0) from mon_cluster", Integer.class);
			System.out.printf("MONITORING ingest %s pass %d (%s): %d feeds, %.1f MB, %d items read, %d new, %d failed "
					+ "in %.1f s (%.0f items/s) — stored %d items in %d clusters (max spread %d), %d matched; load average %.1f%n",
					database, pass, pass == 1 ? "all new" : "all known: dedup only", urls.size(), bytes / 1e6, found,
					added, failed, seconds, found / seconds, items, clusters, spread, matched,
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

	// ---- the generated feeds ------------------------------------------------------------------------

	static final String[] PLACES = { "湖塘镇", "牛塘镇", "洛阳镇", "南夏墅街道", "西湖街道", "礼嘉镇", "前黄镇", "雪堰镇", "嘉泽镇",
			"湟里镇", "遥观镇", "横林镇", "横山桥镇", "丁堰街道", "潞城街道", "戚墅堰街道" };

	static final String[] PROJECTS = { "星河湾", "御景苑", "香樟园", "锦绣华庭", "阳光花园", "翠竹苑", "金色家园", "滨湖名邸",
			"龙湖天街", "紫金府", "悦澜湾", "东方名城", "春江花月", "云栖里", "观澜苑", "新城公馆" };

	/** Sentences per kind of story; {p} a place, {x} a project, {n} a number, {m} a month. */
	static final String[][] SENTENCES = {
			{ "{p}{x}项目原定{m}月交付，至今仍未交房。", "业主反映开发商以资金紧张为由一再推迟交付时间。", "数十名业主聚集在售楼处维权，要求给出明确的交房日期。",
					"部分业主收房时发现墙体开裂、卫生间渗水等质量问题。", "项目已停工{n}个月，工地只剩零星几名工人。", "有业主表示每月还着房贷却迟迟拿不到房子。",
					"区住建局已约谈开发商，督促制定复工和交付计划。", "业主担心楼盘烂尾，准备联名向有关部门反映。" },
			{ "{p}某在建工地{n}名农民工反映被拖欠工资。", "包工头称总包单位未按时拨付工程款，工资一拖再拖。", "眼看春节临近，工人们的血汗钱还没有着落。",
					"工人们多次到项目部讨薪，项目部相互推诿。", "人社部门和住建部门已介入调查，要求总包单位限期支付。", "农民工工资专用账户没有按规定发放工资。" },
			{ "{x}小区业委会组织业主大会表决，选聘新的物业公司。", "老物业合同到期后拒不撤场，还锁闭了地下车库。", "业主反映物业费上涨，停车费乱收费。",
					"物业维修不及时，电梯一周内多次故障困人。", "街道和社区正在协调新老物业交接。", "部分业主对公共收益的去向提出质疑。" },
			{ "区住建局召开老旧小区改造推进会，部署年内改造任务。", "会议要求加快推进加装电梯和雨污分流工程。", "今年全区计划完成{n}个老旧小区改造。",
					"住房城乡建设部印发通知，部署推进城市更新行动。", "各地要扎实推进保障性住房建设和城中村改造。", "省住建厅开展建筑施工安全生产专项检查。" },
			{ "市体育中心举办冬季长跑比赛，{n}名市民参加。", "气象台预计本周有明显降温和降雨天气。", "图书馆推出寒假亲子阅读活动，市民可免费报名。",
					"地铁新线路开通后早高峰客流明显增加。", "本地草莓进入采摘季，果农迎来销售旺季。", "博物馆新展开幕，展出文物{n}余件。" } };

	static final String[][] TITLES = { { "{p}{x}逾期交房 业主聚集维权", "{x}延期交付 业主维权无门", "楼盘停工{n}个月 业主担心烂尾" },
			{ "{p}一工地拖欠{n}名农民工工资", "农民工讨薪难 工资拖欠数月", "春节将至 工地工人血汗钱没着落" },
			{ "{x}换物业 老物业拒不撤场", "{x}物业纠纷引业主不满", "小区电梯频繁故障 物业维修迟缓" },
			{ "武进推进老旧小区改造", "住建部门部署城市更新", "全区建筑施工安全专项检查启动" },
			{ "冬季长跑比赛开跑", "本周降温降雨", "寒假亲子阅读活动开始报名" } };

	static final String[] EDITS = { "", "记者调查：", "【关注】", "网友爆料：", "" };

	record Story(String title, String body) {

	}

	static List<byte[]> feeds(Random random) {
		List<List<String>> entries = new ArrayList<>();
		for (int f = 0; f < FEEDS; f++) {
			entries.add(new ArrayList<>());
		}
		DateTimeFormatter rfc = DateTimeFormatter.RFC_1123_DATE_TIME;
		Instant now = Instant.now();
		int total = 0;
		int story = 0;
		while (total < FEEDS * PER_FEED) {
			int kind = random.nextInt(5);
			Story s = story(random, kind);
			int copies = Math.min(1 + random.nextInt(4), FEEDS * PER_FEED - total);
			List<Integer> open = new ArrayList<>();
			for (int f = 0; f < FEEDS; f++) {
				if (entries.get(f).size() < PER_FEED) {
					open.add(f);
				}
			}
			java.util.Collections.shuffle(open, random);
			copies = Math.min(copies, open.size());
			for (int c = 0; c < copies; c++) {
				int feed = open.get(c);
				String title = EDITS[random.nextInt(EDITS.length)] + s.title() + (c > 0 && random.nextBoolean() ? "（转）" : "");
				String published = rfc.format(now.minusSeconds(60L * random.nextInt(60 * 24)).atOffset(ZoneOffset.ofHours(8)));
				entries.get(feed).add("<item><title>" + title + "</title><link>https://news" + feed + ".example.cn/a/" + story
						+ "-" + c + ".html?utm_source=rss</link><description>" + s.body() + "</description><pubDate>"
						+ published + "</pubDate></item>\n");
				total++;
			}
			story++;
		}
		System.out.printf("MONITORING ingest: generated %d items of %d stories in %d feeds%n", total, story, FEEDS);
		List<byte[]> feeds = new ArrayList<>();
		for (int f = 0; f < FEEDS; f++) {
			StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
					+ "<title>压测源" + (f + 1) + "</title><link>https://news" + f + ".example.cn/</link><description>压测</description>\n");
			entries.get(f).forEach(xml::append);
			xml.append("</channel></rss>\n");
			feeds.add(xml.toString().getBytes(StandardCharsets.UTF_8));
		}
		return feeds;
	}

	static Story story(Random random, int kind) {
		String place = PLACES[random.nextInt(PLACES.length)];
		String project = PROJECTS[random.nextInt(PROJECTS.length)];
		String n = String.valueOf(3 + random.nextInt(200));
		String m = String.valueOf(1 + random.nextInt(12));
		List<String> pool = new ArrayList<>(List.of(SENTENCES[kind]));
		java.util.Collections.shuffle(pool, random);
		StringBuilder body = new StringBuilder();
		int sentences = 3 + random.nextInt(3);
		for (int i = 0; i < sentences && i < pool.size(); i++) {
			body.append(pool.get(i));
		}
		// a detail of its own, so that stories of the same kind differ
		body.append("（").append(place).append(project).append("，编号").append(random.nextInt(1_000_000)).append("）")
			.append(SENTENCES[random.nextInt(5)][random.nextInt(6)]);
		String title = TITLES[kind][random.nextInt(3)];
		return new Story(fill(title, place, project, n, m), fill(body.toString(), place, project, n, m));
	}

	static String fill(String text, String place, String project, String n, String m) {
		return text.replace("{p}", place).replace("{x}", project).replace("{n}", n).replace("{m}", m);
	}

}
