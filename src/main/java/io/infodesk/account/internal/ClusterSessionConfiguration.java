package io.infodesk.account.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Profile {@code cluster} (issue 18): the HTTP sessions live in the database (Spring Session JDBC, tables
 * {@code spring_session} and {@code spring_session_attributes} of migration V21_20), so a session made on one
 * instance is valid on every other and the load balancer needs no sticky sessions. The session limit (at most N per
 * account, {@link SecuritySettings#maxSessions()}) and the sessions page count and end the sessions of every instance
 * through Spring Session's {@link SpringSessionBackedSessionRegistry}, which finds an account's sessions by the
 * principal-name index. The idle timeout stays {@code server.servlet.session.timeout} (Spring Session's
 * {@code maxInactiveInterval} is set from it below; the business-clock check is {@code LoginSteps.IdleTimeout}), and
 * the cookie keeps the servlet container's name and flags ({@code server.servlet.session.cookie.*}).
 * Expired sessions are deleted by Spring Session's clean-up job (every minute, on each instance, one delete
 * statement: harmless when several run it).
 */
@Configuration(proxyBeanMethods = false)
@Profile(ClusterSessionConfiguration.PROFILE)
@EnableJdbcHttpSession
class ClusterSessionConfiguration {

	static final String PROFILE = "cluster";

	@Bean
	<S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
		return new SpringSessionBackedSessionRegistry<>(sessions);
	}

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTimeout(
			@Value("${server.servlet.session.timeout:30m}") Duration idleTimeout) {
		return repository -> repository.setDefaultMaxInactiveInterval(idleTimeout);
	}

	/**
	 * Session attributes written with PostgreSQL's upsert ({@code insert … on conflict do update}): two requests of
	 * one session that add the same attribute at once — a login sent again by a browser after a time-out while the
	 * first is still being processed, two tabs — otherwise both insert and the second fails on the attributes' primary
	 * key (a 500 on the login, seen on deploy/local-cluster's load run of 2026-12-08). Profile {@code cluster} always
	 * runs on PostgreSQL ({@code postgres,cluster}).
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributeUpsert() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	@Bean
	CookieSerializer cookieSerializer(@Value("${server.servlet.session.cookie.name:JSESSIONID}") String name,
			@Value("${server.servlet.session.cookie.secure:false}") boolean secure) {
		DefaultCookieSerializer cookies = new DefaultCookieSerializer();
		cookies.setCookieName(name);
		cookies.setUseHttpOnlyCookie(true);
		cookies.setSameSite("Lax");
		cookies.setUseSecureCookie(secure);
		// the plain session id as Tomcat writes it (no Base64), so that logs and tests read the same id
		cookies.setUseBase64Encoding(false);
		return cookies;
	}

}
