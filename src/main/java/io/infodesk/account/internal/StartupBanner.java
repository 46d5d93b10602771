package io.infodesk.account.internal;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.infodesk.account.internal.DemoAccounts.DemoLogin;
import io.infodesk.shared.text.Texts;

/**
 * Once the application is ready, prints where it answers ({@code InfoDesk 已启动: http://localhost:<port>}
 * with the port actually bound) and, in the demo profile, the demo logins with their roles.
 */
@Component
class StartupBanner implements ApplicationListener<ApplicationReadyEvent> {

	private final Texts texts;

	/** The address the server is bound to (the demo: loopback unless told otherwise). */
	private String address = "127.0.0.1";

	StartupBanner(Texts texts) {
		this.texts = texts;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
			return;
		}
		Environment environment = event.getApplicationContext().getEnvironment();
		String url = "http://localhost:" + web.getWebServer().getPort()
				+ environment.getProperty("server.servlet.context-path", "");
		address = environment.getProperty("server.address", "0.0.0.0");
		System.out.println(banner(url, demo(environment)));
	}

	/** Whether the demo profile is on: named, or the default profile (spring.profiles.default) when none is. */
	static boolean demo(Environment environment) {
		return environment.matchesProfiles("demo");
	}

	String banner(String url, boolean demo) {
		StringBuilder text = new StringBuilder(System.lineSeparator());
		String rule = "=".repeat(72);
		text.append(rule).append(System.lineSeparator());
		text.append(' ').append(texts.get("account.startup.ready", url)).append(System.lineSeparator());
		if (demo) {
			text.append(' ').append(texts.get("account.startup.demoHeader")).append(System.lineSeparator());
			for (DemoLogin login : DemoAccounts.LOGINS) {
				String person = login.personName() == null ? "" : texts.get("account.startup.demoPerson",
						login.personName(), login.unitName());
				text.append(String.format("   %-10s %-10s %s %s", login.username(), DemoAccounts.PASSWORD,
						texts.get("role." + login.role().name()), person).stripTrailing())
					.append(System.lineSeparator());
			}
			text.append(' ').append(texts.get("account.startup.demoNote")).append(System.lineSeparator());
			text.append(' ').append(texts.get("account.startup.demoSecurity", address)).append(System.lineSeparator());
		}
		text.append(rule);
		return text.toString();
	}

}
