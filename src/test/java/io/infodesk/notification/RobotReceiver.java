package io.infodesk.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server standing in for WeCom / DingTalk robots and generic webhooks: it records every request
 * ({@code /ok...} answers {"errcode":0}), {@code /fail} answers 500, {@code /hang} answers only when released.
 */
final class RobotReceiver implements AutoCloseable {

	record Received(String path, String query, String body) {
	}

	final List<Received> received = new CopyOnWriteArrayList<>();

	final CountDownLatch release = new CountDownLatch(1);

	private final HttpServer server;

	RobotReceiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		server.createContext("/", this::handle);
		server.start();
	}

	String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	List<Received> at(String path) {
		return received.stream().filter(r -> r.path().equals(path)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String path = exchange.getRequestURI().getPath();
		received.add(new Received(path, exchange.getRequestURI().getRawQuery(), body));
		if (path.equals("/hang")) {
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		int status = path.equals("/fail") ? 500 : 200;
		byte[] answer = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
		try {
			exchange.sendResponseHeaders(status, answer.length);
			exchange.getResponseBody().write(answer);
		}
		catch (IOException ex) {
			// the client gave up (timeout)
		}
		exchange.close();
	}

	@Override
	public void close() {
		release.countDown();
		server.stop(0);
	}

}
