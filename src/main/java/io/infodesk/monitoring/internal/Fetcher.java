package io.infodesk.monitoring.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Polite, guarded HTTP GET for sources: only http(s); every address the host resolves to (and every redirect's)
 * is checked — loopback, private, link-local, CGNAT, unique-local and multicast addresses are refused unless the
 * source is explicitly allowed internal addresses (no SSRF through a source or a clue URL); at most 3 redirects;
 * connect and request timeouts; a conditional GET with the stored ETag / Last-Modified (304 = unchanged); bodies
 * larger than the limit are refused while reading; one request per host per {@code hostGap}; robots.txt
 * (User-agent * or InfoDesk) is respected; the charset comes from the header, the XML declaration or the HTML meta
 * tag, else strict UTF-8, else GB18030 (a superset of GBK and GB2312).
 */
public class Fetcher {

	/** What a GET returned. */
	public record Fetched(int status, String text, String etag, String lastModified, String charset, URI finalUri) {

		public boolean notModified() {
			return status == 304;
		}

	}

	/** A refused or failed fetch, with a message for the source's status (Chinese, shown to the admin). */
	public static class FetchFailed extends Exception {

		public FetchFailed(String message) {
			super(message);
		}

	}

	public static final String USER_AGENT = "InfoDesk-monitoring/1.0 (+intranet; housing bureau media watch)";

	private static final Pattern XML_ENCODING = Pattern.compile("<\\?xml[^>]*encoding=[\"']([A-Za-z0-9_\\-]+)[\"']");

	private static final Pattern META_CHARSET = Pattern
		.compile("<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_\\-]+)", Pattern.CASE_INSENSITIVE);

	private final HttpClient client;

	private final Duration timeout;

	private final int maxBytes;

	private final Duration hostGap;

	private final Map<String, Long> lastRequest = new ConcurrentHashMap<>();

	private final Map<String, RobotsRules> robots = new ConcurrentHashMap<>();

	public Fetcher(Duration timeout, int maxBytes, Duration hostGap) {
		this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
		this.timeout = timeout;
		this.maxBytes = maxBytes;
		this.hostGap = hostGap;
	}

	public Fetched get(String url, boolean allowInternal, String etag, String lastModified) throws FetchFailed {
		URI uri = parse(url);
		checkRobots(uri, allowInternal);
		for (int hop = 0; hop <= 3; hop++) {
			checkAddress(uri, allowInternal);
			HttpResponse<InputStream> response = send(uri, hop == 0 ? etag : null, hop == 0 ? lastModified : null);
			int status = response.statusCode();
			if (status >= 300 && status < 400 && status != 304) {
				String location = response.headers().firstValue("Location").orElseThrow(() -> new FetchFailed("重定向缺少地址"));
				close(response);
				uri = parse(uri.resolve(location).toString());
				continue;
			}
			if (status == 304) {
				close(response);
				return new Fetched(304, null, etag, lastModified, null, uri);
			}
			if (status != 200) {
				close(response);
				throw new FetchFailed("HTTP " + status);
			}
			byte[] body = read(response);
			String contentType = response.headers().firstValue("Content-Type").orElse("");
			Charset charset = charset(contentType, body);
			return new Fetched(200, new String(body, charset), response.headers().firstValue("ETag").orElse(null),
					response.headers().firstValue("Last-Modified").orElse(null), charset.name(), uri);
		}
		throw new FetchFailed("重定向次数过多");
	}

	static URI parse(String url) throws FetchFailed {
		try {
			URI uri = new URI(url.strip());
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
				throw new FetchFailed("只能抓取 http 或 https 地址");
			}
			return uri;
		}
		catch (java.net.URISyntaxException ex) {
			throw new FetchFailed("地址格式不正确");
		}
	}

	/** Refuses internal addresses unless allowed. */
	public static void checkAddress(URI uri, boolean allowInternal) throws FetchFailed {
		if (allowInternal) {
			return;
		}
		try {
			for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
				if (internal(address)) {
					throw new FetchFailed("拒绝抓取内网或本机地址（" + address.getHostAddress() + "）：如确需抓取，请由管理员对该信息源明确允许");
				}
			}
		}
		catch (UnknownHostException ex) {
			throw new FetchFailed("无法解析域名 " + uri.getHost());
		}
	}

	static boolean internal(InetAddress address) {
		if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] b = address.getAddress();
		if (address instanceof Inet6Address) {
			return (b[0] & 0xfe) == 0xfc; // fc00::/7 unique local
		}
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		return (first == 100 && second >= 64 && second <= 127) // 100.64/10 shared address space
				|| (first == 169 && second == 254) || first == 0 || (first == 198 && (second == 18 || second == 19));
	}

	private HttpResponse<InputStream> send(URI uri, String etag, String lastModified) throws FetchFailed {
		waitForHost(uri.getHost());
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", USER_AGENT)
			.header("Accept", "application/rss+xml, application/atom+xml, application/xml, text/xml, text/html;q=0.9, */*;q=0.5")
			.GET();
		if (etag != null) {
			request.header("If-None-Match", etag);
		}
		if (lastModified != null) {
			request.header("If-Modified-Since", lastModified);
		}
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (java.net.http.HttpTimeoutException ex) {
			throw new FetchFailed("连接或读取超时");
		}
		catch (IOException ex) {
			throw new FetchFailed("连接失败：" + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FetchFailed("抓取被中断");
		}
	}

	private void waitForHost(String host) {
		long gap = hostGap.toMillis();
		long now = System.currentTimeMillis();
		Long last = lastRequest.put(host, now);
		if (last != null && now - last < gap) {
			try {
				Thread.sleep(gap - (now - last));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			lastRequest.put(host, System.currentTimeMillis());
		}
	}

	private byte[] read(HttpResponse<InputStream> response) throws FetchFailed {
		long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
		if (declared > maxBytes) {
			close(response);
			throw new FetchFailed("内容过大（" + declared / 1024 + " KB，上限 " + maxBytes / 1024 + " KB）");
		}
		try (InputStream in = response.body()) {
			byte[] body = in.readNBytes(maxBytes + 1);
			if (body.length > maxBytes) {
				throw new FetchFailed("内容过大（上限 " + maxBytes / 1024 + " KB）");
			}
			return body;
		}
		catch (IOException ex) {
			throw new FetchFailed("读取失败：" + ex.getClass().getSimpleName());
		}
	}

	private static void close(HttpResponse<InputStream> response) {
		try {
			response.body().close();
		}
		catch (IOException ignored) {
			// nothing to do
		}
	}

	/** Header charset, XML declaration, HTML meta, strict UTF-8, else GB18030. */
	static Charset charset(String contentType, byte[] body) {
		Matcher header = Pattern.compile("charset=\"?([A-Za-z0-9_\\-]+)", Pattern.CASE_INSENSITIVE).matcher(contentType);
		if (header.find()) {
			Charset named = named(header.group(1));
			if (named != null) {
				return named;
			}
		}
		String head = new String(body, 0, Math.min(body.length, 2048), StandardCharsets.ISO_8859_1);
		for (Pattern pattern : new Pattern[] { XML_ENCODING, META_CHARSET }) {
			Matcher m = pattern.matcher(head);
			if (m.find()) {
				Charset named = named(m.group(1));
				if (named != null) {
					return named;
				}
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
			return StandardCharsets.UTF_8;
		}
		catch (CharacterCodingException notUtf8) {
			return Charset.forName("GB18030");
		}
	}

	private static Charset named(String name) {
		String upper = name.toUpperCase(Locale.ROOT);
		if (upper.equals("GBK") || upper.equals("GB2312") || upper.equals("GB_2312-80") || upper.equals("GB18030")) {
			return Charset.forName("GB18030");
		}
		try {
			return Charset.forName(name);
		}
		catch (RuntimeException unknown) {
			return null;
		}
	}

	private void checkRobots(URI uri, boolean allowInternal) throws FetchFailed {
		String origin = uri.getScheme() + "://" + uri.getRawAuthority();
		RobotsRules rules = robots.get(origin);
		if (rules == null || rules.expired()) {
			rules = RobotsRules.NONE;
			try {
				URI robotsUri = URI.create(origin + "/robots.txt");
				checkAddress(robotsUri, allowInternal);
				HttpResponse<InputStream> response = send(robotsUri, null, null);
				if (response.statusCode() == 200) {
					rules = RobotsRules.parse(new String(read(response), StandardCharsets.UTF_8));
				}
				else {
					close(response);
				}
			}
			catch (FetchFailed unreachable) {
				// no robots.txt reachable: allowed, as crawlers do
			}
			robots.put(origin, rules);
		}
		String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
		if (!rules.allows(path)) {
			throw new FetchFailed("robots.txt 不允许抓取 " + path);
		}
	}

	/** The Disallow / Allow prefixes of the groups for "*" and "InfoDesk" (longest match wins). */
	record RobotsRules(java.util.List<String> disallow, java.util.List<String> allow, long fetchedAt) {

		static final RobotsRules NONE = new RobotsRules(java.util.List.of(), java.util.List.of(), System.currentTimeMillis());

		boolean expired() {
			return System.currentTimeMillis() - fetchedAt > Duration.ofHours(12).toMillis();
		}

		boolean allows(String path) {
			String longestDisallow = disallow.stream().filter(path::startsWith).max(java.util.Comparator.comparingInt(String::length)).orElse(null);
			if (longestDisallow == null) {
				return true;
			}
			return allow.stream().anyMatch(a -> path.startsWith(a) && a.length() >= longestDisallow.length());
		}

		static RobotsRules parse(String text) {
			java.util.List<String> disallow = new java.util.ArrayList<>();
			java.util.List<String> allow = new java.util.ArrayList<>();
			boolean applies = false;
			boolean inAgents = false;
			for (String raw : text.split("\\R")) {
				String line = raw.replaceAll("#.*", "").strip();
				int colon = line.indexOf(':');
				if (colon < 0) {
					continue;
				}
				String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
				String value = line.substring(colon + 1).strip();
				if (key.equals("user-agent")) {
					boolean ours = value.equals("*") || value.toLowerCase(Locale.ROOT).startsWith("infodesk");
					applies = inAgents ? applies || ours : ours;
					inAgents = true;
				}
				else {
					inAgents = false;
					if (applies && key.equals("disallow") && !value.isEmpty()) {
						disallow.add(value);
					}
					else if (applies && key.equals("allow") && !value.isEmpty()) {
						allow.add(value);
					}
				}
			}
			return new RobotsRules(disallow, allow, System.currentTimeMillis());
		}

	}

}
