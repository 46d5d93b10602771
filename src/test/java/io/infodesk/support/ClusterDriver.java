package io.infodesk.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load and fault client of deploy/local-cluster (issue 18; test scope like {@link OpenSearchNode}, never in the
 * application jar). It talks HTTP to the load balancer only, as browsers do: logs the demo accounts in through the
 * login form (one session per account, shared by the virtual users of that account, since an account may hold two
 * sessions), then runs a closed loop — every user sends its next request as soon as the answer came — of page views,
 * and, for the writers, adoptions (登记采用) of submitted items, each with a unique outlet ({@code <label>-<n>}).
 * Every adoption the server acknowledged (the redirect to the item's outcomes) is appended to the acknowledgement
 * file, so that the fault script can look each one up in PostgreSQL afterwards: an acknowledged write that is not
 * there is a lost write.
 *
 * <pre>
 * load  &lt;base-url&gt; &lt;users&gt; &lt;seconds&gt; &lt;writers&gt; &lt;item-ids,comma-separated&gt; &lt;ack-file&gt; &lt;label&gt;
 * page  &lt;base-url&gt; &lt;account&gt; &lt;path&gt; &lt;regex&gt;     prints the first match of the regex in the page (or NONE)
 * </pre>
 * Prints one progress line a second (requests, errors) and a summary: requests, errors, throughput, p50/p95/p99,
 * writes attempted/acknowledged/failed. A request counts as an error when its status is not 200 (302 for a write),
 * when it is sent to the login page, or on an I/O error or a time-out (10 s).
 */
public final class ClusterDriver {

	static final String PASSWORD = "Demo@2026";

	/** The accounts that may open every page of {@link #PAGES} (personnel may not see the item register). */
	static final List<String> ACCOUNTS = List.of("office", "leader", "charge", "head", "publicist", "staff", "head2",
			"publicist2");

	static final List<String> PAGES = List.of("/", "/reporting/items", "/reporting/items?status=SUBMITTED",
			"/reporting/search?q=%E7%89%A9%E4%B8%9A", "/reporting/solicitations", "/reporting/adoptions", "/assessment",
			"/notifications", "/org/people", "/css/app.css");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"");

	private ClusterDriver() {
	}

	/** One logged-in browser: its cookies and CSRF token. */
	static final class Session {

		final String account;

		final HttpClient http;

		volatile String csrf;

		Session(String account) {
			this.account = account;
			this.http = HttpClient.newBuilder()
				.cookieHandler(new CookieManager())
				.followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
		}

		/**
		 * Logs in through the form; a login that fails on the way (an instance killed meanwhile, a time-out on a
		 * loaded machine) is tried again, up to 5 times, a refused password is not.
		 */
		void logIn(String base) throws IOException, InterruptedException {
			IOException last = null;
			for (int attempt = 1; attempt <= 5; attempt++) {
				try {
					logInOnce(base);
					return;
				}
				catch (java.net.http.HttpTimeoutException | java.net.ConnectException ex) {
					last = ex;
				}
				catch (IOException ex) {
					if (ex.getMessage() != null && (ex.getMessage().contains("refused") || ex.getMessage().contains("403"))) {
						throw ex;
					}
					last = ex;
				}
				System.out.println("login of " + account + ", attempt " + attempt + ": " + last);
				Thread.sleep(2000);
			}
			throw last;
		}

		private void logInOnce(String base) throws IOException, InterruptedException {
			HttpResponse<String> page = get(base, "/login");
			String token = csrf(page);
			HttpResponse<String> done = post(base, "/login",
					"username=" + enc(account) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(token));
			String location = done.headers().firstValue("Location").orElse("");
			if (done.statusCode() != 302 || location.contains("error")) {
				throw new IOException("login of " + account + " refused: " + done.statusCode() + " " + location);
			}
			csrf = csrf(get(base, "/reporting/items"));
		}

		HttpResponse<String> get(String base, String path) throws IOException, InterruptedException {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String base, String path, String form) throws IOException, InterruptedException {
			return http.send(HttpRequest.newBuilder(URI.create(base + path))
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

	static String csrf(HttpResponse<String> page) throws IOException {
		Matcher m = CSRF.matcher(page.body());
		if (!m.find()) {
			throw new IOException("no CSRF token in the page " + page.uri().getPath() + " (status " + page.statusCode()
					+ (page.headers().firstValue("Location").map(l -> ", to " + l).orElse("")) + ")");
		}
		return m.group(1);
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "load" -> load(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
					args[5], Path.of(args[6]), args[7]);
			case "page" -> page(args[1], args[2], args[3], args[4]);
			default -> throw new IllegalArgumentException("load | page");
		}
	}

	static void page(String base, String account, String path, String regex) throws Exception {
		Session session = new Session(account);
		session.logIn(base);
		HttpResponse<String> page = session.get(base, path);
		Matcher m = Pattern.compile(regex).matcher(page.body());
		System.out.println(m.find() ? m.group() : "NONE (status " + page.statusCode() + ")");
	}

	static void load(String base, int users, int seconds, int writers, String itemIds, Path ackFile, String label)
			throws Exception {
		List<Long> items = new ArrayList<>();
		for (String id : itemIds.split(",")) {
			if (!id.isBlank()) {
				items.add(Long.parseLong(id.strip()));
			}
		}
		List<Session> sessions = new ArrayList<>();
		for (String account : ACCOUNTS) {
			Session session = new Session(account);
			session.logIn(base);
			sessions.add(session);
		}
		// faults.sh and load.sh start their faults after this line: logging in takes a while on a loaded machine
		System.out.println("LOGGED IN " + sessions.size() + " accounts");
		Session office = sessions.get(0);
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger requests = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		AtomicInteger writes = new AtomicInteger();
		AtomicInteger acknowledged = new AtomicInteger();
		AtomicInteger writeErrors = new AtomicInteger();
		AtomicLong sequence = new AtomicLong();
		long start = System.nanoTime();
		long end = start + Duration.ofSeconds(seconds).toNanos();
		CountDownLatch done = new CountDownLatch(users);
		for (int u = 0; u < users; u++) {
			int user = u;
			boolean writer = u < writers;
			Session session = writer ? office : sessions.get(1 + u % (sessions.size() - 1));
			Thread thread = new Thread(() -> {
				int n = 0;
				while (System.nanoTime() < end) {
					long t0 = System.nanoTime();
					boolean ok;
					boolean write = writer && !items.isEmpty() && n % 2 == 0;
					try {
						if (write) {
							writes.incrementAndGet();
							long s = sequence.incrementAndGet();
							long item = items.get((int) (s % items.size()));
							String outlet = label + "-" + s;
							HttpResponse<String> r = session.post(base, "/reporting/items/" + item + "/adoptions",
									"outlet=" + enc(outlet) + "&issue=" + enc("第" + s + "期") + "&level=DISTRICT&adoptedOn="
											+ today + "&evidence=&_csrf=" + enc(session.csrf));
							ok = r.statusCode() == 302
									&& r.headers().firstValue("Location").orElse("").contains("#outcomes");
							if (ok) {
								acknowledged.incrementAndGet();
								synchronized (ackFile) {
									Files.writeString(ackFile, item + "\t" + outlet + "\n", StandardOpenOption.CREATE,
											StandardOpenOption.APPEND);
								}
							}
							else {
								writeErrors.incrementAndGet();
							}
						}
						else {
							HttpResponse<String> r = session.get(base, PAGES.get((user + n) % PAGES.size()));
							ok = r.statusCode() == 200;
						}
					}
					catch (IOException ex) {
						ok = false;
						if (write) {
							writeErrors.incrementAndGet();
						}
					}
					catch (InterruptedException ex) {
						break;
					}
					latencies.add(System.nanoTime() - t0);
					requests.incrementAndGet();
					if (!ok) {
						errors.incrementAndGet();
					}
					n++;
				}
				done.countDown();
			}, "user-" + u);
			thread.setDaemon(true);
			thread.start();
		}
		int lastRequests = 0;
		int lastErrors = 0;
		for (int s = 1; done.getCount() > 0; s++) {
			done.await(1, java.util.concurrent.TimeUnit.SECONDS);
			int r = requests.get();
			int e = errors.get();
			System.out.printf("t=%3ds requests/s=%4d errors/s=%3d%n", s, r - lastRequests, e - lastErrors);
			lastRequests = r;
			lastErrors = e;
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		System.out.printf(
				"SUMMARY label=%s users=%d seconds=%.0f requests=%d errors=%d throughput=%.1f/s p50=%dms p95=%dms p99=%dms "
						+ "writes=%d acknowledged=%d writeErrors=%d%n",
				label, users, elapsed, requests.get(), errors.get(), requests.get() / elapsed, ms(sorted, 0.50),
				ms(sorted, 0.95), ms(sorted, 0.99), writes.get(), acknowledged.get(), writeErrors.get());
	}

	static long ms(List<Long> sorted, double q) {
		if (sorted.isEmpty()) {
			return 0;
		}
		return sorted.get(Math.min(sorted.size() - 1, (int) (q * sorted.size()))) / 1_000_000;
	}

}
