package io.infodesk.xuexi;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.account.Accounts;
import io.infodesk.audit.AuditTrail;
import io.infodesk.notification.Deadlines;
import io.infodesk.notification.NotificationType;
import io.infodesk.notification.Notifications;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.TimeConfiguration;
import io.infodesk.xuexi.Figures.CadreFigures;

/**
 * Reminders to the section-level cadres behind the 5,000-point pace (S3.4-a/b), so they catch up in spring, not in
 * December. After every import each cadre behind pace holds a deadline in {@link Deadlines} (key
 * {@code xuexi:pace:<year>:<person>}, due on 31 December, reminded every Monday at 09:00 until then, type
 * {@code XUEXI_PACE}, which the user may switch off in their preferences); a cadre back on pace has the deadline
 * completed. The personnel section may also remind them at once through {@link Notifications}.
 */
@Service
@Transactional
public class XuexiReminders {

	static final LocalTime MONDAY_AT = LocalTime.of(9, 0);

	private final XuexiFigures figures;

	private final Accounts accounts;

	private final Deadlines deadlines;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	XuexiReminders(XuexiFigures figures, Accounts accounts, Deadlines deadlines, Notifications notifications,
			AuditTrail audit, Texts texts, Clock clock) {
		this.figures = figures;
		this.accounts = accounts;
		this.deadlines = deadlines;
		this.notifications = notifications;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	static String key(int year, long personId) {
		return "xuexi:pace:" + year + ":" + personId;
	}

	/**
	 * Registers the deadline of every cadre behind pace and completes the others'; returns how many are behind. Each
	 * deadline in a transaction of its own: two imports refreshed at once (the demo's two reports) may both insert a
	 * cadre's deadline — the loser retries once and then finds it (an update).
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
	public int refreshPaceDeadlines() {
		Figures year = figures.yearToDate(DataScope.all());
		LocalDate today = LocalDate.now(clock);
		Instant due = today.withDayOfYear(today.lengthOfYear()).atTime(23, 59).atZone(TimeConfiguration.ZONE).toInstant();
		List<Duration> mondays = new ArrayList<>();
		for (LocalDate monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)); monday.getYear() == today.getYear();
				monday = monday.plusWeeks(1)) {
			mondays.add(Duration.between(monday.atTime(MONDAY_AT).atZone(TimeConfiguration.ZONE).toInstant(), due));
		}
		int behind = 0;
		for (CadreFigures cadre : year.cadres()) {
			String key = key(today.getYear(), cadre.personId());
			List<Long> owners = accounts.userIdsOfPersons(List.of(cadre.personId()));
			if (cadre.behind() && !owners.isEmpty() && !mondays.isEmpty()) {
				try {
					deadlines.register(key, owners, due, NotificationType.XUEXI_PACE, title(cadre), null, mondays);
				}
				catch (org.springframework.dao.DuplicateKeyException registeredMeanwhile) {
					deadlines.register(key, owners, due, NotificationType.XUEXI_PACE, title(cadre), null, mondays);
				}
				behind++;
			}
			else {
				deadlines.complete(key);
			}
		}
		return behind;
	}

	private String title(CadreFigures cadre) {
		return texts.get("xuexi.reminder.title", cadre.yearPoints(), Math.round(cadre.pace()), cadre.behindBy(),
				String.format("%.1f", cadre.dailyNeeded()));
	}

	/** Reminds every cadre behind pace now (who has an account); returns how many were notified. */
	public int remindNow(AuthenticatedUser actor) {
		if (actor == null || !actor.can(Permissions.XUEXI_MANAGE)) {
			throw new AccessDeniedException(Permissions.XUEXI_MANAGE);
		}
		Figures year = figures.yearToDate(DataScope.all());
		int notified = 0;
		for (CadreFigures cadre : year.cadresBehind()) {
			List<Long> owners = accounts.userIdsOfPersons(List.of(cadre.personId()));
			if (owners.isEmpty()) {
				continue;
			}
			notifications.notifyAll(owners, NotificationType.XUEXI_PACE, title(cadre),
					texts.get("xuexi.reminder.body", cadre.name(), cadre.forecast(), Figures.YEAR_POINTS_TARGET), null);
			notified++;
		}
		audit.record("XUEXI_PACE_REMINDED", "XuexiReminder", LocalDate.now(clock).toString(),
				texts.get("xuexi.audit.reminded", year.cadresBehind().size(), notified));
		return notified;
	}

}
