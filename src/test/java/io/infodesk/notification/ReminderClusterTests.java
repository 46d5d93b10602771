package io.infodesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.infodesk.InfoDeskApplication;
import io.infodesk.audit.MutableClock;
import io.infodesk.audit.MutableClockConfiguration;
import io.infodesk.notification.internal.Reminders;

/**
 * No reminder twice for the same deadline and offset (issue 5, point 4), with two application instances on one
 * database running the reminders at the same moment (without the ShedLock lock, so the database rule alone is
 * tested), and across a restart.
 */
class ReminderClusterTests {

	final String database = "jdbc:h2:mem:reminders-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(InfoDeskApplication.class, MutableClockConfiguration.class)
			.profiles("test")
			.run("--spring.datasource.url=" + database, "--server.port=0");
	}

	static int reminders(ConfigurableApplicationContext context, String key) {
		return context.getBean(JdbcTemplate.class).queryForObject(
				"select count(*) from notification_inbox i join notification_deadline_owner o on o.user_id = i.recipient_user_id "
						+ "join notification_deadline d on d.id = o.deadline_id where d.deadline_key = ?",
				Integer.class, key);
	}

	@Test
	void twoInstancesAndARestartSendEachReminderOnce() throws Exception {
		ConfigurableApplicationContext first = start();
		ConfigurableApplicationContext second = start();
		try {
			Instant due = MutableClock.BASE.plus(Duration.ofHours(30));
			first.getBean(Deadlines.class).register("cluster:solicitation:1", List.of(810_001L, 810_002L), due,
					NotificationType.SOLICITATION_DUE, "约稿到期", null, List.of(Duration.ofHours(24), Duration.ZERO));
			for (ConfigurableApplicationContext context : List.of(first, second)) {
				context.getBean(MutableClock.class).set(due.minus(Duration.ofHours(24)));
			}

			for (int round = 0; round < 5; round++) {
				CountDownLatch go = new CountDownLatch(1);
				CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> awaitThenRun(go, first));
				CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> awaitThenRun(go, second));
				go.countDown();
				a.get(30, TimeUnit.SECONDS);
				b.get(30, TimeUnit.SECONDS);
			}
			assertThat(reminders(first, "cluster:solicitation:1")).isEqualTo(2); // one reminder, two owners

			first.close();
			ConfigurableApplicationContext restarted = start();
			try {
				restarted.getBean(MutableClock.class).set(due.minus(Duration.ofHours(24)).plusSeconds(30));
				restarted.getBean(Reminders.class).run();
				assertThat(reminders(restarted, "cluster:solicitation:1")).isEqualTo(2);

				restarted.getBean(MutableClock.class).set(due);
				second.getBean(MutableClock.class).set(due);
				restarted.getBean(Reminders.class).run();
				second.getBean(Reminders.class).run();
				assertThat(reminders(restarted, "cluster:solicitation:1")).isEqualTo(4);
			}
			finally {
				restarted.close();
			}
		}
		finally {
			first.close();
			second.close();
		}
	}

	static int awaitThenRun(CountDownLatch go, ConfigurableApplicationContext context) {
		try {
			go.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return context.getBean(Reminders.class).run();
	}

}
