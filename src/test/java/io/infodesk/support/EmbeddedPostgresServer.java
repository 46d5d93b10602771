package io.infodesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

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
			// zonky registers a shutdown hook that stops the server when the JVM exits
			return EmbeddedPostgres.builder()
				// the server runs in UTC like the application's JDBC time zone; the JVM is Asia/Shanghai
				.setServerConfig("timezone", "UTC")
				// a throw-away test server: durability is not needed, speed is
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off")
				.setServerConfig("max_connections", "300")
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL 17 server"
					+ ("root".equals(System.getProperty("user.name"))
							? " (running as root: needs `unshare -U` from util-linux and user namespaces enabled)" : ""),
					ex);
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
