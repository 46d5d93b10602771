package io.infodesk.monitoring.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server (JDK) serving the monitoring fixtures: RSS and Atom in UTF-8 and GBK, an HTML list page,
 * broken XML, a 304 for a known ETag, a 500, a redirect, an oversized body and a robots.txt.
 */
public final class FeedServer implements AutoCloseable {

	public static final Charset GBK = Charset.forName("GBK");

	private final HttpServer server;

	public final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

	public FeedServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			String path = exchange.getRequestURI().getPath();
			hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
			String etag = exchange.getRequestHeaders().getFirst("If-None-Match");
			byte[] body;
			String type = "application/xml";
			int status = 200;
			switch (path) {
				case "/robots.txt" -> {
					body = "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8);
					type = "text/plain";
				}
				case "/rss.xml" -> {
					if ("\"v1\"".equals(etag)) {
						exchange.sendResponseHeaders(304, -1);
						exchange.close();
						return;
					}
					exchange.getResponseHeaders().add("ETag", "\"v1\"");
					body = Fixtures.rss().getBytes(StandardCharsets.UTF_8);
					type = "application/rss+xml; charset=utf-8";
				}
				case "/gbk.xml" -> body = Fixtures.gbkRss().getBytes(GBK);
				case "/atom.xml" -> body = Fixtures.atom().getBytes(StandardCharsets.UTF_8);
				case "/list.html" -> {
					body = Fixtures.listPage().getBytes(GBK);
					type = "text/html";
				}
				case "/broken.xml" -> body = "<rss><channel><item><title>坏的".getBytes(StandardCharsets.UTF_8);
				case "/error" -> {
					status = 500;
					body = "oops".getBytes(StandardCharsets.UTF_8);
				}
				case "/moved" -> {
					exchange.getResponseHeaders().add("Location", "/atom.xml");
					exchange.sendResponseHeaders(302, -1);
					exchange.close();
					return;
				}
				case "/huge.xml" -> body = new byte[3 * 1024 * 1024];
				case "/private/feed.xml" -> body = Fixtures.rss().getBytes(StandardCharsets.UTF_8);
				default -> {
					status = 404;
					body = new byte[0];
				}
			}
			exchange.getResponseHeaders().add("Content-Type", type);
			exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
			if (body.length > 0) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			}
			exchange.close();
		});
		server.start();
	}

	public String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
