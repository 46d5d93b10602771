package io.infodesk.monitoring.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.audit.AuditTrail;
import io.infodesk.monitoring.Topic;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.time.JdbcTime;

/**
 * Watch lists per hot spot (S3.6-b, issue 14 point 10) that make monitoring proactive: upcoming property deliveries
 * (project, developer, promised date), projects with wage-payment deadlines (above all before the Spring Festival),
 * communities changing property company. Each active entry's names join the automaton (one scheme per hot spot,
 * {@link Schemes#watchSchemes}) after the change commits.
 */
@Service
public class WatchLists {

	/** One entry. */
	public record Entry(long id, Topic topic, String name, String party, LocalDate dueDate, String note, boolean active) {

	}

	private final JdbcTemplate jdbc;

	private final Schemes schemes;

	private final AuditTrail audit;

	private final Clock clock;

	WatchLists(JdbcTemplate jdbc, Schemes schemes, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.schemes = schemes;
		this.audit = audit;
		this.clock = clock;
	}

	public List<Entry> all() {
		return jdbc.query("select * from mon_watch_entry order by active desc, topic, due_date, id",
				(rs, n) -> new Entry(rs.getLong("id"), Topic.valueOf(rs.getString("topic")), rs.getString("name"),
						rs.getString("party"), rs.getObject("due_date", LocalDate.class), rs.getString("note"),
						rs.getBoolean("active")));
	}

	@Transactional
	public long add(Topic topic, String name, String party, LocalDate dueDate, String note, AuthenticatedUser actor) {
		if (topic == null) {
			throw new SchemeInvalid("monitoring.watch.error.topic");
		}
		String n = Clues.required(name, 100, "monitoring.watch.error.name");
		if (n.length() < 2) {
			throw new SchemeInvalid("monitoring.watch.error.name", 100);
		}
		String p = party == null || party.isBlank() ? null : party.strip();
		if (p != null && p.length() > 100) {
			throw new SchemeInvalid("monitoring.watch.error.party");
		}
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > 500) {
			throw new SchemeInvalid("monitoring.watch.error.note");
		}
		jdbc.update("insert into mon_watch_entry (topic, name, party, due_date, note, active, created_at, created_by) "
				+ "values (?, ?, ?, ?, ?, true, ?, ?)", topic.name(), n, p, dueDate, text, JdbcTime.utc(Instant.now(clock)),
				Items.clip(actor.displayName(), 100));
		long id = jdbc.queryForObject("select max(id) from mon_watch_entry", Long.class);
		audit.record("MONITORING_WATCH_ADDED", "MonitoringWatchEntry", id, topic.label() + "：" + n);
		schemes.rebuildAfterCommit();
		return id;
	}

	@Transactional
	public void end(long id) {
		int changed = jdbc.update("update mon_watch_entry set active = false where id = ? and active = true", id);
		if (changed == 0) {
			throw new SchemeInvalid("monitoring.watch.error.notFound");
		}
		audit.record("MONITORING_WATCH_ENDED", "MonitoringWatchEntry", id,
				jdbc.queryForObject("select name from mon_watch_entry where id = ?", String.class, id));
		schemes.rebuildAfterCommit();
	}

}
