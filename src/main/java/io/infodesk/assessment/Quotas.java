package io.infodesk.assessment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.audit.AuditTrail;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Unit;
import io.infodesk.organization.UnitType;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.JdbcTime;

/**
 * The monthly quota (issue 4 point 2: at least 2 items submitted per unit per month, −2 per missing item): a
 * month is closed once — by the month-end job or by the office — and each unit that first submitted fewer items
 * than the rule's quota gets one entry for the shortfall. Closing twice changes nothing (the ledger keys). The
 * bureau's leadership is not a reporting unit and has no quota.
 */
@Service
@Transactional
public class Quotas {

	public static final String RULE = "QUOTA:SHORTFALL";

	private final JdbcTemplate jdbc;

	private final Ledger ledger;

	private final ScoringRules rules;

	private final Organization organization;

	private final List<ScoringSource> sources;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	Quotas(JdbcTemplate jdbc, Ledger ledger, ScoringRules rules, Organization organization, List<ScoringSource> sources, AuditTrail audit,
			Texts texts, Clock clock) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.rules = rules;
		this.organization = organization;
		this.sources = sources;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	/** Closes a finished month: quota entries for the units short of it. Returns the entries written now. */
	public List<PlannedEntry> close(YearMonth month) {
		if (!month.isBefore(YearMonth.now(clock))) {
			throw AssessmentException.of("assessment.quota.notFinished", month.toString());
		}
		LocalDate start = month.atDay(1);
		Integer closed = jdbc.queryForObject("select count(*) from asm_month_close where month_start = ?",
				Integer.class, start);
		if (closed == 0) {
			jdbc.update("insert into asm_month_close (month_start, closed_by, closed_at) values (?, ?, ?)", start,
					io.infodesk.shared.security.CurrentUser.actorName(), JdbcTime.utc(Instant.now(clock)));
		}
		List<PlannedEntry> written = new ArrayList<>();
		ScoringRule rule = ledgerRule(month);
		for (ScoringFact fact : facts(month, rule)) {
			written.addAll(ledger.record(fact, "QUOTA"));
		}
		if (closed == 0 || !written.isEmpty()) {
			audit.record("ASSESSMENT_MONTH_CLOSED", Ledger.ENTITY, "QUOTA:" + month, texts.get(
					"assessment.audit.monthClosed", month.getYear(), month.getMonthValue(), written.size(),
					Ledger.sum(written)));
		}
		return written;
	}

	private ScoringRule ledgerRule(YearMonth month) {
		return rules.inForce(RULE, month.atEndOfMonth()).orElse(null);
	}

	public boolean isClosed(YearMonth month) {
		return jdbc.queryForObject("select count(*) from asm_month_close where month_start = ?", Integer.class,
				month.atDay(1)) > 0;
	}

	/** The closed months whose first day lies in [from, to]. */
	public List<YearMonth> closedMonths(LocalDate from, LocalDate to) {
		return jdbc.queryForList("select month_start from asm_month_close where month_start between ? and ? "
				+ "order by month_start", LocalDate.class, from, to).stream().map(YearMonth::from).toList();
	}

	/**
	 * The shortfall facts of a month under the rule in force on its last day ({@code rule} may be given by a
	 * recomputation's rule book).
	 */
	public List<ScoringFact> facts(YearMonth month, ScoringRule rule) {
		LocalDate last = month.atEndOfMonth();
		if (rule == null || !rule.active() || rule.getQuota() == null) {
			return List.of();
		}
		Map<Long, Long> submitted = new java.util.HashMap<>();
		for (ScoringSource source : sources) {
			source.submittedPerUnit(month.atDay(1)).forEach((unit, count) -> submitted.merge(unit, count, Long::sum));
		}
		List<ScoringFact> facts = new ArrayList<>();
		for (Unit unit : organization.activeUnits()) {
			if (unit.getType() == UnitType.LEADERSHIP) {
				continue;
			}
			long missing = rule.getQuota() - submitted.getOrDefault(unit.getId(), 0L);
			if (missing > 0) {
				facts.add(new ScoringFact(SourceTypes.QUOTA, month.toString(), RULE, last, List.of(unit.getId()), null,
						List.of(), texts.get("assessment.quota.label", month.getYear(), month.getMonthValue(),
								submitted.getOrDefault(unit.getId(), 0L), rule.getQuota()),
						"/reporting/items?unitId=" + unit.getId(), (int) missing));
			}
		}
		return facts;
	}

}
