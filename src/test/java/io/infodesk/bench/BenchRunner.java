package io.infodesk.bench;

import java.io.IOException;
import java.io.Reader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import io.infodesk.InfoDeskApplication;
import io.infodesk.search.internal.SearchIndexing;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A reproducible load benchmark of the running application (bench/README.md): embedded PostgreSQL 17 (zonky, from
 * the test classpath), InfoDesk on it (profiles postgres and demo) on 127.0.0.1, a seed SQL file, bench accounts
 * of several roles each logged in once through the login form, then per scenario a warm-up and a measured closed
 * loop of N concurrent users (java.net.http, one thread per user) with p50/p95/p99, throughput and errors.
 * Configured by a properties file ({@code bench/reporting.properties}); run by {@code bench/run.sh}.
 * A main class, not a test: it never runs in {@code ./mvnw test}.
 */
public final class BenchRunner {

	static final String PASSWORD = "Bench@2026x";

	/** The roles of the bench accounts, in turn (scopes: all units, units in charge, own unit). */
	static final List<String> ROLES = List.of("OFFICE_EDITOR", "PUBLICIST", "UNIT_HEAD", "STAFF", "BUREAU_LEADER",
			"PUBLICIST", "LEADER_IN_CHARGE", "STAFF", "UNIT_HEAD", "PUBLICIST");

	record Scenario(String name, List<String> urls) {
	}

	record Result(String scenario, long requests, long errors, double seconds, long[] nanos, Cpu cpu) {

		double percentile(double p) {
			if (nanos.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.ceil(p / 100.0 * nanos.length) - 1;
			return nanos[Math.max(0, Math.min(index, nanos.length - 1))] / 1_000_000.0;
		}

		Result with(Cpu used) {
			return new Result(scenario, requests, errors, seconds, nanos, used);
		}

		double mean() {
			return Arrays.stream(nanos).average().orElse(Double.NaN) / 1_000_000.0;
		}

		@Override
		public String toString() {
			return String.format("%-14s requests %7d  errors %4d  throughput %8.1f req/s  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  mean %7.1f ms  max %8.1f ms",
					scenario, requests, errors, requests / seconds, percentile(50), percentile(95), percentile(99), mean(),
					nanos.length == 0 ? Double.NaN : nanos[nanos.length - 1] / 1_000_000.0)
					+ (cpu == null ? "" : String.format("%n%-14s CPU per request: JVM (application and load client) %.1f ms, PostgreSQL %s",
							"", cpu.jvmMillis() / Math.max(1, requests), cpu.postgresMillis() < 0 ? "n/a"
									: String.format("%.1f ms", cpu.postgresMillis() / Math.max(1, requests))));
		}

	}

	/** CPU time used during a phase, in milliseconds (PostgreSQL: -1 when /proc cannot tell). */
	record Cpu(double jvmMillis, double postgresMillis) {

	}

	/**
	 * CPU time so far of this JVM and of the PostgreSQL server on {@code port} (Linux /proc: the postmaster with
	 * its reaped children, and its live backends), in milliseconds.
	 */
	static double[] cpuNow(int pgPort) {
		double jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
		double pg = -1;
		try (var procs = Files.list(Path.of("/proc"))) {
			long hz = 100; // USER_HZ on Linux
			Map<Long, long[]> stats = new java.util.HashMap<>();
			Long postmaster = null;
			for (Path proc : procs.filter(path -> path.getFileName().toString().matches("\\d+")).toList()) {
				try {
					String cmd = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
					String stat = Files.readString(proc.resolve("stat"));
					String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					long pid = Long.parseLong(proc.getFileName().toString());
					// fields after the name: state ppid … utime(12) stime(13) cutime(14) cstime(15)
					stats.put(pid, new long[] { Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12]),
							Long.parseLong(f[13]) + Long.parseLong(f[14]) });
					if (cmd.contains("postgres") && cmd.contains("-p " + pgPort + " ")) {
						postmaster = pid;
					}
				}
				catch (IOException | RuntimeException gone) {
					// the process ended meanwhile
				}
			}
			if (postmaster != null) {
				long ticks = stats.get(postmaster)[1] + stats.get(postmaster)[2];
				for (long[] stat : stats.values()) {
					if (stat[0] == postmaster) {
						ticks += stat[1];
					}
				}
				pg = ticks * 1000.0 / hz;
			}
		}
		catch (IOException ex) {
			pg = -1;
		}
		return new double[] { jvm, pg };
	}

	public static void main(String[] args) throws Exception {
		Path configFile = Path.of(args.length > 0 ? args[0] : "bench/reporting.properties");
		Properties config = new Properties();
		try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
			config.load(reader);
		}
		// -Dbench.<key>=<value> overrides a key of the file (e.g. -Dbench.pace=PT5S, -Dbench.port=18087)
		System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith("bench.")).forEach(
				key -> config.setProperty(key.substring("bench.".length()), System.getProperty(key)));
		// the port: -Dbench.port or BENCH_PORT over the file's port (default 18083), so that parallel sessions do not collide
		int port = Integer.parseInt(firstNonBlank(System.getProperty("bench.port"), System.getenv("BENCH_PORT"),
				config.getProperty("port"), "18083"));
		int users = Integer.parseInt(config.getProperty("users", "20"));
		Duration warmup = Duration.parse(config.getProperty("warmup", "PT20S"));
		Duration measure = Duration.parse(config.getProperty("measure", "PT60S"));
		// open loop: each user sends at random (exponential) intervals of this mean, latency from the planned send time
		Duration pace = Duration.parse(config.getProperty("pace", "PT0S"));
		String jfr = config.getProperty("jfr", "");
		List<Scenario> scenarios = new ArrayList<>();
		// only=<name>,<name>: run just these scenarios of the file
		List<String> only = List.of(config.getProperty("only", "").split(",")).stream().map(String::trim)
			.filter(name -> !name.isEmpty()).toList();
		new TreeMap<>(config).forEach((key, value) -> {
			if (key.toString().startsWith("scenario.")
					&& (only.isEmpty() || only.contains(key.toString().substring("scenario.".length())))) {
				scenarios.add(new Scenario(key.toString().substring("scenario.".length()),
						List.of(value.toString().split("\\|"))));
			}
		});

		System.out.printf("InfoDesk benchmark %s — %s, Java %s, %d CPUs, max heap %d MiB%n", configFile,
				LocalDateTime.now().withNano(0), System.getProperty("java.version"),
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
		Path dataDir = Files.createTempDirectory("infodesk-bench");
		long t0 = System.nanoTime();
		EmbeddedPostgres pg = EmbeddedPostgres.builder()
			.setServerConfig("timezone", "UTC")
			.setServerConfig("shared_buffers", "256MB")
			.setServerConfig("work_mem", "16MB")
			.setServerConfig("max_connections", "100")
			.setServerConfig("fsync", "off")
			.setServerConfig("synchronous_commit", "off")
			.start();
		try (Connection connection = pg.getPostgresDatabase().getConnection()) {
			connection.createStatement().execute("create database infodesk encoding 'UTF8' template template0");
		}
		System.out.printf("PostgreSQL 17 started in %.1f s%n", seconds(t0));

		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.port", port);
		properties.put("server.address", "127.0.0.1");
		properties.put("spring.datasource.url", pg.getJdbcUrl("postgres", "infodesk"));
		properties.put("spring.datasource.username", "postgres");
		properties.put("spring.datasource.password", "");
		properties.put("spring.datasource.hikari.maximum-pool-size", Math.max(10, users));
		properties.put("infodesk.data-dir", dataDir.toString());
		// the demo data on a throw-away embedded PostgreSQL on loopback (DemoGuard refuses demo on any other database)
		properties.put("infodesk.demo.allow-any-database", "true");
		// plain http on loopback: a Secure session cookie (the postgres profile's default) would never come back
		properties.put("server.servlet.session.cookie.secure", "false");
		properties.put("logging.level.root", "WARN");
		properties.put("logging.file.name", dataDir.resolve("infodesk.log").toString());
		// the periodic jobs stay out of the measurement
		properties.put("infodesk.audit.purge-cron", "-");
		properties.put("infodesk.notification.digest-cron", "-");
		properties.put("infodesk.notification.poll-interval", "1h");
		properties.put("infodesk.notification.reminder-interval", "1h");
		properties.put("infodesk.reporting.missed-deadline-interval", "1h");
		long t1 = System.nanoTime();
		// app.<key>=<value> in the bench file: passed to the application (e.g. app.logging.level.org.hibernate.SQL=DEBUG)
		config.stringPropertyNames()
			.stream()
			.filter(key -> key.startsWith("app."))
			.forEach(key -> properties.put(key.substring(4), config.getProperty(key)));
		// system properties: above the profile's application-postgres.yml (default properties would lose to it)
		properties.forEach((key, value) -> System.setProperty(key, String.valueOf(value)));
		ConfigurableApplicationContext app = new SpringApplicationBuilder(InfoDeskApplication.class)
			.profiles("postgres", "demo")
			.run();
		System.out.printf("InfoDesk started in %.1f s on http://127.0.0.1:%d%n", seconds(t1), port);
		try {
			DataSource dataSource = app.getBean(DataSource.class);
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			String seed = config.getProperty("seed");
			if (seed != null && !seed.isBlank()) {
				long t2 = System.nanoTime();
				try (Connection connection = dataSource.getConnection()) {
					ScriptUtils.executeSqlScript(connection, new FileSystemResource(seed));
				}
				jdbc.execute("analyze");
				System.out.printf("Seeded %s in %.1f s: %d items, %d submissions, %d adoptions%n", seed, seconds(t2),
						jdbc.queryForObject("select count(*) from rpt_item", Long.class),
						jdbc.queryForObject("select count(*) from rpt_submission", Long.class),
						jdbc.queryForObject("select count(*) from rpt_adoption", Long.class));
			}
			if (Boolean.parseBoolean(config.getProperty("reindex", "false"))) {
				// the seed bypasses Hibernate: the full-text index is rebuilt the way the office's button does it
				SearchIndexing indexing = app.getBean(SearchIndexing.class);
				long t3 = System.nanoTime();
				indexing.reindex(indexing.indexedTypes());
				System.out.printf("Full-text index rebuilt (mass indexer, all indexed types) in %.1f s%n", seconds(t3));
			}
			// task=<class> in the bench file: something timed that is not a page (BenchTask), e.g. a recomputation
			// (several separated by commas, run in turn)
			for (String task : config.getProperty("task", "").split(",")) {
				if (!task.isBlank()) {
					((BenchTask) Class.forName(task.trim()).getDeclaredConstructor().newInstance()).run(app, config);
				}
			}
			List<String> usernames = createUsers(jdbc, users);
			List<HttpClient> clients = new ArrayList<>();
			String base = "http://127.0.0.1:" + port;
			for (String username : usernames) {
				clients.add(logIn(base, username));
			}
			System.out.printf("%d users logged in (%s)%n", clients.size(), String.join(", ", roleCounts(usernames)));
			if (Boolean.parseBoolean(config.getProperty("probe", "false"))) {
				// one request per url and user kind, timed, for profiling (with the SQL log on, see README)
				for (Scenario scenario : scenarios) {
					for (String url : scenario.urls()) {
						for (int u : new int[] { 0, 1 }) {
							long t = System.nanoTime();
							HttpResponse<byte[]> response = clients.get(u)
								.send(HttpRequest.newBuilder(URI.create(base + url)).build(), HttpResponse.BodyHandlers.ofByteArray());
							System.out.printf("PROBE %-10s %-14s %3d %7.1f ms %s%n", usernames.get(u).substring(8),
									scenario.name(), response.statusCode(), (System.nanoTime() - t) / 1e6, url);
						}
					}
				}
				Duration hold = Duration.parse(config.getProperty("hold", "PT0S"));
				if (!hold.isZero()) {
					System.out.printf("HOLD %s: PostgreSQL at %s%n", hold, pg.getJdbcUrl("postgres", "infodesk"));
					Thread.sleep(hold.toMillis());
				}
				return;
			}
			if (!pace.isZero()) {
				System.out.printf("Open loop: each user sends at exponential intervals of mean %s (%.1f req/s offered)%n",
						pace, clients.size() * 1000.0 / pace.toMillis());
			}
			for (Scenario scenario : scenarios) {
				run(base, clients, scenario, warmup, pace, false);
				Recording recording = null;
				if (!jfr.isBlank()) {
					recording = new Recording(Configuration.getConfiguration("profile"));
					Files.createDirectories(Path.of(jfr));
					recording.setDestination(Path.of(jfr, scenario.name() + ".jfr"));
					recording.start();
				}
				double[] before = cpuNow(pg.getPort());
				Result result = run(base, clients, scenario, measure, pace, true);
				double[] after = cpuNow(pg.getPort());
				result = result.with(new Cpu(after[0] - before[0], before[1] < 0 || after[1] < 0 ? -1 : after[1] - before[1]));
				if (recording != null) {
					recording.stop();
					recording.close();
				}
				System.out.println(result);
			}
		}
		finally {
			app.close();
			pg.close();
		}
	}

	private static String firstNonBlank(String... values) {
		return Arrays.stream(values).filter(value -> value != null && !value.isBlank()).findFirst().orElseThrow();
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	/** Bench accounts bench01…benchNN with the roles in turn, linked to people of the organisation. */
	static List<String> createUsers(JdbcTemplate jdbc, int count) {
		String hash = new BCryptPasswordEncoder().encode(PASSWORD);
		List<Long> leaders = jdbc.queryForList("select distinct leader_id from org_leader_assignment where end_date is null order by leader_id",
				Long.class);
		List<Long> people = jdbc.queryForList("select p.id from org_person p join org_unit u on u.id = p.unit_id "
				+ "where p.active and u.active and u.type <> 'LEADERSHIP' order by p.unit_id, p.id", Long.class);
		List<String> usernames = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String role = ROLES.get(i % ROLES.size());
			String username = String.format("bench%02d-%s", i + 1, role.toLowerCase());
			Long person = switch (role) {
				case "OFFICE_EDITOR", "BUREAU_LEADER" -> null;
				case "LEADER_IN_CHARGE" -> leaders.isEmpty() ? null : leaders.get(i % leaders.size());
				default -> people.get((i * 7) % people.size());
			};
			jdbc.update("insert into acc_user (username, password_hash, display_name, person_id, enabled, failed_attempts, "
					+ "must_change_password, created_at, updated_at, version) values (?, ?, ?, ?, true, 0, false, now(), now(), 0)",
					username, hash, username, person);
			long id = jdbc.queryForObject("select id from acc_user where username = ?", Long.class, username);
			jdbc.update("insert into acc_user_role (user_id, role) values (?, ?)", id, role);
			usernames.add(username);
		}
		return usernames;
	}

	private static List<String> roleCounts(List<String> usernames) {
		Map<String, Integer> counts = new TreeMap<>();
		usernames.forEach(name -> counts.merge(name.substring(name.indexOf('-') + 1), 1, Integer::sum));
		return counts.entrySet().stream().map(entry -> entry.getValue() + " " + entry.getKey()).toList();
	}

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	/** Logs in through the form like a browser: a client with its own cookie (session) store. */
	static HttpClient logIn(String base, String username) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = CSRF.matcher(page);
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
		HttpResponse<Void> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		String location = login.headers().firstValue("Location").orElse("");
		if (login.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("login of " + username + " failed: " + login.statusCode() + " " + location);
		}
		return client;
	}

	/**
	 * One phase: every user in a loop for the duration; latencies recorded when {@code record}. With a zero
	 * {@code pace} a closed loop (the next request as soon as the answer came); else an open loop: each user plans
	 * its sends at exponential intervals of that mean and the latency counts from the planned time (a server that
	 * falls behind is charged the queueing, no coordinated omission).
	 */
	static Result run(String base, List<HttpClient> clients, Scenario scenario, Duration duration, Duration pace,
			boolean record) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients.size());
		AtomicLong errors = new AtomicLong();
		long end = System.nanoTime() + duration.toNanos();
		long start = System.nanoTime();
		List<Future<long[]>> futures = new ArrayList<>();
		for (int u = 0; u < clients.size(); u++) {
			HttpClient client = clients.get(u);
			int offset = u;
			futures.add(pool.submit(() -> {
				long[] latencies = new long[1 << 16];
				int count = 0;
				int turn = offset;
				java.util.Random random = new java.util.Random(offset);
				long planned = System.nanoTime();
				while (System.nanoTime() < end) {
					if (!pace.isZero()) {
						planned += (long) (-Math.log(1 - random.nextDouble()) * pace.toNanos());
						long wait = planned - System.nanoTime();
						if (planned >= end) {
							break;
						}
						if (wait > 0) {
							Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
						}
					}
					String url = scenario.urls().get(turn++ % scenario.urls().size());
					HttpRequest request = HttpRequest.newBuilder(URI.create(base + url))
						.header("Accept", "text/html,*/*")
						.timeout(Duration.ofSeconds(30))
						.build();
					long t = System.nanoTime();
					try {
						HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
						if (response.statusCode() != 200) {
							errors.incrementAndGet();
						}
					}
					catch (IOException ex) {
						errors.incrementAndGet();
					}
					long elapsed = System.nanoTime() - (pace.isZero() ? t : Math.min(t, planned));
					if (count == latencies.length) {
						latencies = Arrays.copyOf(latencies, count * 2);
					}
					latencies[count++] = elapsed;
				}
				return Arrays.copyOf(latencies, count);
			}));
		}
		List<long[]> all = new ArrayList<>();
		for (Future<long[]> future : futures) {
			all.add(future.get());
		}
		double seconds = seconds(start);
		pool.shutdown();
		long[] nanos = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		return new Result(scenario.name(), nanos.length, errors.get(), seconds, nanos, null);
	}

}
