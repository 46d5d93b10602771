package io.infodesk.account.internal;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Finding 1 of issue 17: the demo profile is the default when no profile is named, and it creates {@code admin} and
 * the other demo logins with the published password. So that the demo is never a production system by accident, it
 * starts only on the embedded H2 database (and answers on the loopback address only: application-demo.yml). Started
 * with the demo profile against any other database, the application stops before it touches that database, saying
 * why; {@code infodesk.demo.allow-any-database=true} overrides on purpose.
 */
public class DemoGuard implements EnvironmentPostProcessor, Ordered {

	static final String OVERRIDE = "infodesk.demo.allow-any-database";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		check(environment);
	}

	static void check(ConfigurableEnvironment environment) {
		if (!environment.matchesProfiles("demo")) {
			return;
		}
		String url = environment.getProperty("spring.datasource.url", "");
		if (url.startsWith("jdbc:h2:") || environment.getProperty(OVERRIDE, Boolean.class, false)) {
			return;
		}
		throw new IllegalStateException("演示配置（demo，未指定配置时的默认）只能使用嵌入式 H2 数据库，拒绝连接 " + redact(url)
				+ "：演示账户的密码是公开的。正式环境请使用 --spring.profiles.active=postgres；确需如此请设置 " + OVERRIDE
				+ "=true. (The demo profile runs on the embedded H2 database only.)");
	}

	private static String redact(String url) {
		int query = url.indexOf('?');
		return query < 0 ? url : url.substring(0, query);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
