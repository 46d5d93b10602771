package io.infodesk.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Polite, guarded fetching and parsing against a local HTTP server. */
class FetcherTests {

	private final FeedServer server;

	private final Fetcher fetcher = new Fetcher(Duration.ofSeconds(5), 2 * 1024 * 1024, Duration.ZERO);

	FetcherTests() throws Exception {
		server = new FeedServer();
	}

	@AfterEach
	void stop() {
		server.close();
	}

	@Test
	void refusesLoopbackPrivateAndLinkLocalUnlessAllowed() throws Exception {
		assertThatThrownBy(() -> fetcher.get(server.url("/rss.xml"), false, null, null))
			.isInstanceOf(Fetcher.FetchFailed.class).hasMessageContaining("拒绝抓取内网或本机地址");
		for (String host : List.of("10.1.2.3", "192.168.0.1", "172.16.5.5", "169.254.169.254", "100.64.0.1", "[::1]",
				"[fd00::1]", "0.0.0.0")) {
			assertThatThrownBy(() -> Fetcher.checkAddress(URI.create("http://" + host + "/"), false))
				.as(host).isInstanceOf(Fetcher.FetchFailed.class);
		}
		assertThat(Fetcher.internal(InetAddress.getByName("202.102.3.1"))).isFalse();
		assertThatThrownBy(() -> fetcher.get("file:///etc/passwd", true, null, null))
			.hasMessageContaining("http");
		assertThatThrownBy(() -> fetcher.get("javascript:alert(1)", true, null, null))
			.hasMessageContaining("http");
		assertThat(server.hits).doesNotContainKey("/rss.xml");
	}

	@Test
	void conditionalGetAnswers304WithTheStoredEtag() throws Exception {
		Fetcher.Fetched first = fetcher.get(server.url("/rss.xml"), true, null, null);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.etag()).isEqualTo("\"v1\"");
		Fetcher.Fetched second = fetcher.get(server.url("/rss.xml"), true, first.etag(), null);
		assertThat(second.notModified()).isTrue();
	}

	@Test
	void detectsGbkFromTheXmlDeclarationAndTheHtmlMeta() throws Exception {
		Fetcher.Fetched feed = fetcher.get(server.url("/gbk.xml"), true, null, null);
		assertThat(feed.charset()).isEqualTo("GB18030");
		List<Items.Incoming> items = SourceParser.feed(feed.text());
		assertThat(items).singleElement().satisfies(i -> assertThat(i.title()).contains("业委会在选新物业"));
		Fetcher.Fetched page = fetcher.get(server.url("/list.html"), true, null, null);
		List<Items.Incoming> links = SourceParser.listPage(page.text(), page.finalUri().toString(), "ul.news li", ".date", null);
		assertThat(links).hasSize(2);
		assertThat(links.get(1).title()).isEqualTo("工地包工头拖欠工资 二十余名农民工讨薪");
		assertThat(links.get(0).url()).isEqualTo(server.url("/art/2026/12/7/art_1.html"));
		assertThat(links.get(0).publishedAt()).isNotNull();
	}

	@Test
	void parsesRssAndAtomAndFollowsRedirects() throws Exception {
		List<Items.Incoming> rss = SourceParser.feed(fetcher.get(server.url("/rss.xml"), true, null, null).text());
		assertThat(rss).hasSize(3);
		assertThat(rss.get(0).body()).startsWith("记者调查发现").doesNotContain("<p>");
		Fetcher.Fetched moved = fetcher.get(server.url("/moved"), true, null, null);
		assertThat(moved.finalUri().getPath()).isEqualTo("/atom.xml");
		assertThat(SourceParser.feed(moved.text())).singleElement()
			.satisfies(i -> assertThat(i.url()).isEqualTo("http://js.example.cn/n/1"));
	}

	@Test
	void failsClearlyOnErrorsBrokenXmlOversizedBodiesAndRobots() throws Exception {
		assertThatThrownBy(() -> fetcher.get(server.url("/error"), true, null, null)).hasMessage("HTTP 500");
		assertThatThrownBy(() -> fetcher.get(server.url("/huge.xml"), true, null, null)).hasMessageContaining("内容过大");
		assertThatThrownBy(() -> fetcher.get(server.url("/private/feed.xml"), true, null, null))
			.hasMessageContaining("robots.txt");
		String broken = fetcher.get(server.url("/broken.xml"), true, null, null).text();
		assertThatThrownBy(() -> SourceParser.feed(broken)).isInstanceOf(Exception.class);
		assertThatThrownBy(() -> SourceParser.feed("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><rss><channel><title>&e;</title></channel></rss>"))
			.isInstanceOf(Exception.class);
	}

	@Test
	void canonicalUrlsDropTrackingAndFragments() {
		assertThat(UrlCanonicaliser.canonical("HTTP://Example.CN:80/a/1.html/?utm_source=rss&b=2&a=1#top"))
			.isEqualTo("http://example.cn/a/1.html?a=1&b=2");
	}

}
