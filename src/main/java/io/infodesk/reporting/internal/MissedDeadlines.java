package io.infodesk.reporting.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.infodesk.audit.AuditRecord;
import io.infodesk.audit.AuditTrail;
import io.infodesk.reporting.SolicitationOverdue;
import io.infodesk.reporting.UrgentReportMissed;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.InformationItems;
import io.infodesk.reporting.item.internal.InformationItemRepository;
import io.infodesk.reporting.solicitation.Solicitation;
import io.infodesk.reporting.solicitation.Solicitations;
import io.infodesk.reporting.solicitation.internal.SolicitationRepository;
import io.infodesk.reporting.urgent.SameDayRule;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.DateFormats;
import io.infodesk.shared.time.JdbcTime;
import io.infodesk.shared.time.TimeConfiguration;

/**
 * Publishes the deadlines that passed unanswered, once each (S3.1-c; scored by assessment): a solicitation not
 * delivered when its deadline passed gives {@link SolicitationOverdue} for each responsible unit; a time-critical
 * item not submitted when its day ended gives {@link UrgentReportMissed}. Run every minute by
 * {@code MissedDeadlineJob} under ShedLock; the once-only rule does not rest on the lock: the row
 * (subject, id, unit) of {@code rpt_missed_deadline} is inserted in the transaction that publishes the event and
 * writes the audit entry, so a second run, a restart or a second instance finds it (or hits its primary key and
 * rolls back) and publishes nothing. After a downtime every deadline that passed meanwhile is published at the
 * next run.
 */
@Component
class MissedDeadlines {

	static final String SOLICITATION = "SOLICITATION";

	static final String URGENT_ITEM = "URGENT_ITEM";

	private static final Logger log = LoggerFactory.getLogger(MissedDeadlines.class);

	private static final DateTimeFormatter WHEN = DateFormats.SECONDS;

	private final SolicitationRepository solicitations;

	private final InformationItemRepository items;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	private final io.infodesk.organization.Organization organization;

	MissedDeadlines(SolicitationRepository solicitations, InformationItemRepository items, JdbcTemplate jdbc,
			TransactionTemplate tx, ApplicationEventPublisher events, AuditTrail audit, Texts texts, Clock clock,
			io.infodesk.organization.Organization organization) {
		this.organization = organization;
		this.solicitations = solicitations;
		this.items = items;
		this.jdbc = jdbc;
		this.tx = tx;
		this.events = events;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	private record Key(String subject, long id, long unitId) {
	}

	/** Publishes what is due now; returns how many events this run published. */
	int run() {
		Instant now = Instant.now(clock);
		Set<Key> published = new HashSet<>(jdbc.query("select subject, subject_id, unit_id from rpt_missed_deadline",
				(rs, i) -> new Key(rs.getString(1), rs.getLong(2), rs.getLong(3))));
		int count = 0;
		// the deadline minute itself still counts as on time (Solicitation.statusAt): overdue once it has passed
		List<Solicitation> overdue = solicitations.findAll((root, query, cb) -> cb
			.and(cb.isNull(root.get("deliveredAt")), cb.lessThan(root.get("deadline"), now)), Sort.by("id"));
		for (Solicitation solicitation : overdue) {
			for (Long unitId : solicitation.getUnitIds().stream().sorted().toList()) {
				Key key = new Key(SOLICITATION, solicitation.getId(), unitId);
				if (!published.contains(key) && publishOnce(key, solicitation.getDeadline(), now,
						() -> solicitationOverdue(solicitation.getId(), unitId, now))) {
					count++;
				}
			}
		}
		// a same-day item is late from the midnight after its day (SameDayRule): missed once that has come
		Instant lateFrom = now.minusSeconds(1);
		List<InformationItem> missed = items.findAll((root, query, cb) -> cb.and(cb.isTrue(root.get("urgent")),
				cb.isNull(root.get("firstSubmittedAt")), cb.lessThanOrEqualTo(root.get("dueAt"), lateFrom)),
				Sort.by("id"));
		for (InformationItem item : missed) {
			Key key = new Key(URGENT_ITEM, item.getId(), item.getUnitId());
			if (!published.contains(key) && publishOnce(key, item.getDueAt(), now, () -> urgentMissed(item.getId(), now))) {
				count++;
			}
		}
		return count;
	}

	/**
	 * In one transaction: re-reads the record (it may have been delivered or submitted a moment ago), claims the key
	 * and publishes. False when nothing was published (claimed elsewhere, or no longer missed).
	 */
	private boolean publishOnce(Key key, Instant dueAt, Instant now, java.util.function.BooleanSupplier publish) {
		try {
			return Boolean.TRUE.equals(tx.execute(status -> {
				Integer there = jdbc.queryForObject(
						"select count(*) from rpt_missed_deadline where subject = ? and subject_id = ? and unit_id = ?",
						Integer.class, key.subject(), key.id(), key.unitId());
				if (there != null && there > 0) {
					return false;
				}
				jdbc.update("insert into rpt_missed_deadline (subject, subject_id, unit_id, due_at, published_at) "
						+ "values (?, ?, ?, ?, ?)", key.subject(), key.id(), key.unitId(), JdbcTime.utc(dueAt),
						JdbcTime.utc(now));
				if (!publish.getAsBoolean()) {
					status.setRollbackOnly();
					return false;
				}
				return true;
			}));
		}
		catch (DataIntegrityViolationException ex) {
			log.debug("Missed deadline {} already published by another instance", key);
			return false;
		}
		catch (DataAccessException ex) {
			// e.g. a lock timeout while another instance holds the row: nothing was committed, the next run decides
			log.warn("Missed deadline {} not published this time: {}", key, ex.getMessage());
			return false;
		}
	}

	private boolean solicitationOverdue(long solicitationId, long unitId, Instant now) {
		Solicitation solicitation = solicitations.findById(solicitationId).orElse(null);
		if (solicitation == null || solicitation.getDeliveredAt() != null || !now.isAfter(solicitation.getDeadline())
				|| !solicitation.getUnitIds().contains(unitId)) {
			return false;
		}
		audit.record(AuditRecord.success("SOLICITATION_OVERDUE", Solicitations.ENTITY, solicitationId,
				texts.get("reporting.audit.solicitationOverdue", solicitation.getTopic(),
						WHEN.format(solicitation.getDeadline()),
						organization.unit(unitId).map(io.infodesk.organization.Unit::getName).orElse(String.valueOf(unitId))))
			.by(AUDIT_ACTOR));
		events.publishEvent(new SolicitationOverdue(solicitationId, solicitation.getBodyId(), unitId,
				solicitation.getDeadline(), now));
		return true;
	}

	private boolean urgentMissed(long itemId, Instant now) {
		InformationItem item = items.findById(itemId).orElse(null);
		if (item == null || !item.isUrgent() || item.getFirstSubmittedAt() != null
				|| !SameDayRule.isLate(item.getEventAt(), now)) {
			return false;
		}
		audit.record(AuditRecord.success("URGENT_REPORT_MISSED", InformationItems.ENTITY, itemId,
				texts.get("reporting.audit.urgentMissed", item.getTitle(), WHEN.format(item.getDueAt())))
			.by(AUDIT_ACTOR));
		events.publishEvent(new UrgentReportMissed(item.itemId(), item.getUnitId(), item.getUrgentCategory(),
				item.getEventAt(), item.getDueAt(), now));
		return true;
	}

	/** The audit trail's actor of what the job records. */
	static final String AUDIT_ACTOR = "system";

}
