package io.infodesk.assessment.circular;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.account.Accounts;
import io.infodesk.account.Role;
import io.infodesk.account.UserAccount;
import io.infodesk.assessment.AssessmentException;
import io.infodesk.assessment.Grade;
import io.infodesk.assessment.Ledger;
import io.infodesk.assessment.Period;
import io.infodesk.assessment.Quotas;
import io.infodesk.assessment.Rankings;
import io.infodesk.audit.AuditTrail;
import io.infodesk.notification.Deadlines;
import io.infodesk.notification.NotificationType;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Unit;
import io.infodesk.reporting.AdministrativeLevel;
import io.infodesk.reporting.ScoringRecords;
import io.infodesk.shared.files.FileStore;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.JdbcTime;
import io.infodesk.shared.time.TimeConfiguration;

/**
 * 通报 (circulars, issue 4 point 5): the office previews the circular of a finished month, quarter or year (a
 * draft computed from the ledger and the reporting records, nothing stored), then issues it — the months of the
 * period are settled first (quota, {@link Quotas#close}), the DOCX in GB/T 9704 layout and the XLSX are written
 * once and stored with their SHA-256, the ranking as issued is kept per unit. Issuing a period again adds the next
 * version and marks the previous one superseded (it stays listed and downloadable). The monthly circular is due by
 * the 10th of the next month (PRACTICE.md: 安徽省 "monthly 通报 before the 10th"): a deadline through
 * {@link Deadlines}, completed when the month's circular is issued. Every issue is audited.
 * <p>
 * Over ~350 lines because drafting, settling the quota, writing both files and superseding an earlier version are
 * one transaction with shared checks; the documents themselves are {@link CircularDocuments}.
 */
@Service
@Transactional
public class Circulars {

	public static final String ENTITY = "ASSESSMENT_CIRCULAR";

	/** The day of the next month by which a monthly circular is due. */
	public static final int DUE_DAY = 10;

	/** Reminders before the due time: three days and one day before, and at the due time. */
	static final List<Duration> DUE_OFFSETS = List.of(Duration.ofDays(3), Duration.ofDays(1), Duration.ZERO);

	/**
	 * What the office chooses when issuing: the issuing office (发文机关, its 版头 is "…文件"), an optional 发文字号, the
	 * 主送机关 and the 抄送 line of the 版记.
	 */
	public record Options(String issuer, String documentNumber, String addressee, String copyTo) {

		public Options {
			issuer = clean(issuer);
			documentNumber = clean(documentNumber);
			addressee = clean(addressee);
			copyTo = clean(copyTo);
		}

		private static String clean(String value) {
			return value == null || value.isBlank() ? null : value.strip();
		}

	}

	/** An issued circular as listed (without its files). */
	public record Circular(long id, Period period, int version, Status status, String title, String documentNumber,
			LocalDate issuedOn, String docxSha256, long docxSize, String xlsxSha256, long xlsxSize,
			String generatedBy, Instant generatedAt, Long supersededBy, Instant supersededAt) {

		public boolean superseded() {
			return status == Status.SUPERSEDED;
		}

	}

	public enum Status {

		ISSUED, SUPERSEDED

	}

	/** A stored file of a circular, checked against its SHA-256. */
	public record StoredFile(String fileName, String asciiName, byte[] content, String sha256) {

	}

	/** A unit's line of the ranking as a circular issued it. */
	public record Position(long circularId, long unitId, String unitName, int rank, BigDecimal total,
			BigDecimal completion, Grade grade) {

	}

	private final JdbcTemplate jdbc;

	private final Rankings rankings;

	private final Quotas quotas;

	private final Ledger ledger;

	private final ScoringRecords records;

	private final Organization organization;

	private final Accounts accounts;

	private final Deadlines deadlines;

	private final CircularDocuments documents;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	Circulars(JdbcTemplate jdbc, Rankings rankings, Quotas quotas, Ledger ledger, ScoringRecords records,
			Organization organization, Accounts accounts, Deadlines deadlines, AuditTrail audit,
			Texts texts, Clock clock) {
		this.jdbc = jdbc;
		this.rankings = rankings;
		this.quotas = quotas;
		this.ledger = ledger;
		this.records = records;
		this.organization = organization;
		this.accounts = accounts;
		this.deadlines = deadlines;
		this.documents = new CircularDocuments(texts);
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	// ---- draft and issue -----------------------------------------------------------------------

	/** The office's defaults: those of the last issued circular, else the bureau's usual ones (messages). */
	@Transactional(readOnly = true)
	public Options defaults() {
		Map<String, String> remembered = new HashMap<>();
		jdbc.query("select setting_key, setting_value from asm_setting where setting_key like 'circular.%'", rs -> {
			remembered.put(rs.getString(1), rs.getString(2));
		});
		return new Options(remembered.getOrDefault("circular.issuer", texts.get("assessment.circular.defaultIssuer")),
				null, remembered.getOrDefault("circular.addressee", texts.get("assessment.circular.defaultAddressee")),
				remembered.getOrDefault("circular.copyTo", texts.get("assessment.circular.defaultCopyTo")));
	}

	/**
	 * The circular of a finished month, quarter or year as it would be issued today (nothing is stored). Refused
	 * with a Chinese message: a range that is not a month, quarter or year; a period not finished yet; a period
	 * without any record; missing or too long issuing details.
	 */
	@Transactional(readOnly = true)
	public CircularDraft draft(Period period, Options options) {
		check(period, options);
		CircularDraft draft = compose(period, options);
		if (draft.figures().empty() && draft.ranking().stream().allMatch(row -> row.total().signum() == 0)) {
			throw new AssessmentException("period", "assessment.circular.empty", draft.periodText());
		}
		return draft;
	}

	/**
	 * Issues the circular of a period: settles the period's months (quota), writes the DOCX and XLSX, stores them
	 * with their SHA-256 and the ranking as issued, supersedes the previous version of the period, completes the
	 * monthly deadline, audits. All in one transaction: refused input changes nothing.
	 */
	public Circular issue(Period period, Options options, AuthenticatedUser actor) {
		draft(period, options);
		for (YearMonth month : unclosedMonths(period)) {
			quotas.close(month);
		}
		CircularDraft draft = compose(period, options);
		Instant now = Instant.now(clock);
		Integer previousVersion = jdbc.queryForObject("""
				select max(version) from asm_circular where period_kind = ? and period_from = ?""", Integer.class,
				period.kind().name(), period.from());
		int version = previousVersion == null ? 1 : previousVersion + 1;
		byte[] docx = documents.docx(draft);
		byte[] xlsx = documents.xlsx(draft);
		String docxSha = sha256(docx);
		String xlsxSha = sha256(xlsx);
		jdbc.update("""
				insert into asm_circular (period_kind, period_from, period_to, version, status, title, document_number,
				  issued_on, docx, docx_sha256, docx_size, xlsx, xlsx_sha256, xlsx_size, generated_by_id, generated_by,
				  generated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", period.kind().name(),
				period.from(), period.to(), version, Status.ISSUED.name(), draft.title(), options.documentNumber(),
				draft.issuedOn(), docx, docxSha, docx.length, xlsx, xlsxSha, xlsx.length, actor.userId(),
				actor.displayName(), JdbcTime.utc(now));
		long id = jdbc.queryForObject("""
				select id from asm_circular where period_kind = ? and period_from = ? and version = ?""", Long.class,
				period.kind().name(), period.from(), version);
		for (Rankings.Standing row : draft.ranking()) {
			jdbc.update("""
					insert into asm_circular_standing (circular_id, unit_id, unit_name, rank_no, total, completion, grade)
					values (?, ?, ?, ?, ?, ?, ?)""", id, row.id(), row.name(), row.rank(), row.total(), row.completion(),
					row.grade() == null ? null : row.grade().name());
		}
		int superseded = jdbc.update("""
				update asm_circular set status = ?, superseded_by = ?, superseded_at = ?
				where period_kind = ? and period_from = ? and status = ? and id <> ?""", Status.SUPERSEDED.name(), id,
				JdbcTime.utc(now), period.kind().name(), period.from(), Status.ISSUED.name(), id);
		remember(options);
		if (period.kind() == Period.Kind.MONTH) {
			deadlines.complete(deadlineKey(YearMonth.from(period.from())));
		}
		audit.record("ASSESSMENT_CIRCULAR_GENERATED", ENTITY, id, texts.get(
				superseded > 0 ? "assessment.audit.circularReissued" : "assessment.audit.circularIssued", draft.title(),
				version, docxSha, xlsxSha, draft.ranking().size()));
		return find(id).orElseThrow();
	}

	private void check(Period period, Options options) {
		if (period.kind() == Period.Kind.RANGE) {
			throw new AssessmentException("kind", "assessment.circular.kind.range");
		}
		if (!period.to().isBefore(LocalDate.now(clock))) {
			throw new AssessmentException("period", "assessment.circular.notFinished", periodText(period));
		}
		if (options.issuer() == null) {
			throw new AssessmentException("issuer", "assessment.circular.issuer.required");
		}
		if (options.issuer().length() > 40) {
			throw new AssessmentException("issuer", "assessment.circular.issuer.size");
		}
		if (options.documentNumber() != null && options.documentNumber().length() > 40) {
			throw new AssessmentException("documentNumber", "assessment.circular.documentNumber.size");
		}
		if (options.addressee() == null) {
			throw new AssessmentException("addressee", "assessment.circular.addressee.required");
		}
		if (options.addressee().length() > 200) {
			throw new AssessmentException("addressee", "assessment.circular.addressee.size");
		}
		if (options.copyTo() != null && options.copyTo().length() > 200) {
			throw new AssessmentException("copyTo", "assessment.circular.copyTo.size");
		}
	}

	/** The content of the circular from the ledger (ranking) and the reporting records (figures, lists). */
	CircularDraft compose(Period period, Options options) {
		LocalDate from = period.from();
		LocalDate to = period.to();
		Map<Long, String> unitNames = new HashMap<>();
		for (Unit unit : organization.activeUnits()) {
			unitNames.put(unit.getId(), unit.getName());
		}
		List<ScoringRecords.AdoptionRecord> adopted = records.adoptions(from, to);
		List<ScoringRecords.InstructionRecord> instructed = records.instructions(from, to);
		Map<Long, ScoringRecords.AdoptionOutlet> outlets = records
			.adoptionOutlets(adopted.stream().map(ScoringRecords.AdoptionRecord::adoptionId).toList());
		Map<Long, String> leaders = records
			.instructionLeaders(instructed.stream().map(ScoringRecords.InstructionRecord::instructionId).toList());

		List<CircularDraft.AdoptedItem> adoptedItems = new ArrayList<>();
		for (ScoringRecords.AdoptionRecord r : adopted) {
			ScoringRecords.AdoptionOutlet detail = outlets.get(r.adoptionId());
			String outlet = detail == null ? "" : detail.issue() == null ? detail.outlet()
					: texts.get("assessment.circular.outletIssue", detail.outlet(), detail.issue());
			adoptedItems.add(new CircularDraft.AdoptedItem(r.itemId(), r.title(), unitName(unitNames, r.unitId()), outlet,
					texts.label("reporting.level.", r.level()), r.on()));
		}
		adoptedItems.sort(Comparator.comparing(CircularDraft.AdoptedItem::on).thenComparing(CircularDraft.AdoptedItem::title));
		List<CircularDraft.InstructedItem> instructedItems = new ArrayList<>();
		for (ScoringRecords.InstructionRecord r : instructed) {
			String leader = leaders.get(r.instructionId());
			instructedItems.add(new CircularDraft.InstructedItem(r.itemId(), r.title(), unitName(unitNames, r.unitId()),
					leader == null ? "" : leader, texts.label("reporting.level.", r.level()), r.on()));
		}
		instructedItems.sort(Comparator.comparing(CircularDraft.InstructedItem::on)
			.thenComparing(CircularDraft.InstructedItem::title));

		Map<String, Long> byRule = ledger.countsByRule(from, to);
		long submitted = records.firstSubmissionsPerUnit(start(from), start(to.plusDays(1))).values().stream()
			.mapToLong(Long::longValue).sum();
		long urgentLate = records.lateItems().stream()
			.filter(r -> r.submittedAt() != null && !r.submittedAt().isBefore(start(from))
					&& r.submittedAt().isBefore(start(to.plusDays(1))))
			.count();
		CircularDraft.Figures figures = new CircularDraft.Figures(submitted, adopted.size(),
				count(adopted, AdministrativeLevel.NATIONAL), count(adopted, AdministrativeLevel.PROVINCE),
				count(adopted, AdministrativeLevel.CITY), count(adopted, AdministrativeLevel.DISTRICT), instructed.size(),
				byRule.getOrDefault("SOLICITATION:ON_TIME", 0L), byRule.getOrDefault("SOLICITATION:LATE", 0L),
				byRule.getOrDefault("SOLICITATION:MISSED", 0L), urgentLate,
				byRule.getOrDefault("URGENT:MISSED", 0L) + byRule.getOrDefault("URGENT:CONCEALED", 0L));

		List<Rankings.Standing> ranking = rankings.units(period);
		List<String> praised = ranking.stream().filter(row -> row.grade() == Grade.EXCELLENT)
			.map(Rankings.Standing::name).toList();
		List<String> urged = ranking.stream()
			.filter(row -> row.grade() == Grade.POOR || row.total().signum() < 0)
			.map(Rankings.Standing::name).toList();
		String periodText = periodText(period);
		return new CircularDraft(period, periodText, texts.get("assessment.circular.doc.title", periodText), options,
				LocalDate.now(clock), figures, ranking, adoptedItems, instructedItems, praised, urged,
				unclosedMonths(period));
	}

	private static long count(List<ScoringRecords.AdoptionRecord> adopted, AdministrativeLevel level) {
		return adopted.stream().filter(r -> r.level() == level).count();
	}

	private String unitName(Map<Long, String> names, long unitId) {
		String name = names.get(unitId);
		return name != null ? name : organization.unit(unitId).map(Unit::getName).orElse("");
	}

	/** The months of the period whose quota is not settled yet. */
	List<YearMonth> unclosedMonths(Period period) {
		List<YearMonth> closed = quotas.closedMonths(period.from(), period.to());
		List<YearMonth> open = new ArrayList<>();
		for (YearMonth month = YearMonth.from(period.from()); !month.isAfter(YearMonth.from(period.to()));
				month = month.plusMonths(1)) {
			if (!closed.contains(month)) {
				open.add(month);
			}
		}
		return open;
	}

	/** 2026年10月份, 2026年第四季度, 2026年度. */
	public String periodText(Period period) {
		return switch (period.kind()) {
			case MONTH -> texts.get("assessment.circular.period.MONTH", period.year(), period.from().getMonthValue());
			case QUARTER -> texts.get("assessment.circular.period.QUARTER", period.year(),
					io.infodesk.shared.docx.GbT9704.chineseNumber(period.quarter()));
			case YEAR -> texts.get("assessment.circular.period.YEAR", period.year());
			case RANGE -> texts.get("assessment.period.range", period.from(), period.to());
		};
	}

	// ---- reading -------------------------------------------------------------------------------

	/** Every circular, newest period first, the versions of a period newest first. */
	@Transactional(readOnly = true)
	public List<Circular> list() {
		return jdbc.query("select " + COLUMNS + " from asm_circular order by period_from desc, period_kind, version desc",
				CIRCULAR);
	}

	@Transactional(readOnly = true)
	public Optional<Circular> find(long id) {
		return jdbc.query("select " + COLUMNS + " from asm_circular where id = ?", CIRCULAR, id).stream().findFirst();
	}

	/** The issued (not superseded) circular of a period, if any. */
	@Transactional(readOnly = true)
	public Optional<Circular> issued(Period period) {
		return jdbc.query("select " + COLUMNS + " from asm_circular where period_kind = ? and period_from = ? "
				+ "and status = ?", CIRCULAR, period.kind().name(), period.from(), Status.ISSUED.name())
			.stream()
			.findFirst();
	}

	/** The DOCX as issued, checked against its stored SHA-256; the download is audited. */
	public StoredFile docx(long id) {
		return file(id, "docx");
	}

	/** The XLSX as issued, checked against its stored SHA-256; the download is audited. */
	public StoredFile xlsx(long id) {
		return file(id, "xlsx");
	}

	private StoredFile file(long id, String type) {
		Circular circular = find(id).orElseThrow(() -> AssessmentException.of("assessment.circular.notFound"));
		byte[] content = jdbc.queryForObject("select " + type + " from asm_circular where id = ?", byte[].class, id);
		String sha = sha256(content);
		String stored = type.equals("docx") ? circular.docxSha256() : circular.xlsxSha256();
		if (!sha.equals(stored)) {
			throw AssessmentException.of("assessment.circular.tampered");
		}
		audit.record("ASSESSMENT_CIRCULAR_DOWNLOADED", ENTITY, id, texts.get("assessment.audit.circularDownloaded",
				circular.title(), circular.version(), type.toUpperCase(java.util.Locale.ROOT)));
		return new StoredFile(texts.get("assessment.circular.fileName", circular.title(), circular.version(), type),
				"circular-" + circular.period().from() + "-v" + circular.version() + "." + type, content, sha);
	}

	/** The unit's line in each circular (circular id → position). */
	@Transactional(readOnly = true)
	public Map<Long, Position> positions(long unitId) {
		Map<Long, Position> positions = new LinkedHashMap<>();
		jdbc.query("select * from asm_circular_standing where unit_id = ?", rs -> {
			String grade = rs.getString("grade");
			positions.put(rs.getLong("circular_id"), new Position(rs.getLong("circular_id"), rs.getLong("unit_id"),
					rs.getString("unit_name"), rs.getInt("rank_no"), rs.getBigDecimal("total"),
					rs.getBigDecimal("completion"), grade == null ? null : Grade.valueOf(grade)));
		}, unitId);
		return positions;
	}

	/** The ranking of units as a circular issued it, by rank. */
	@Transactional(readOnly = true)
	public List<Position> standings(long circularId) {
		return jdbc.query("select * from asm_circular_standing where circular_id = ? order by rank_no, unit_name",
				(rs, row) -> new Position(rs.getLong("circular_id"), rs.getLong("unit_id"), rs.getString("unit_name"),
						rs.getInt("rank_no"), rs.getBigDecimal("total"), rs.getBigDecimal("completion"),
						rs.getString("grade") == null ? null : Grade.valueOf(rs.getString("grade"))),
				circularId);
	}

	// ---- the monthly deadline ------------------------------------------------------------------

	public static String deadlineKey(YearMonth month) {
		return "assessment:circular:" + month;
	}

	/** The end of the 10th of the next month, Asia/Shanghai. */
	public static Instant dueAt(YearMonth month) {
		return month.plusMonths(1).atDay(DUE_DAY).atTime(LocalTime.MAX).withNano(0)
			.atZone(TimeConfiguration.ZONE).toInstant();
	}

	/**
	 * Declares the deadline of a month's circular to the office (OFFICE_EDITOR accounts), unless it is issued:
	 * due at the end of the 10th of the next month, reminded three days and one day before and at the due time.
	 * Idempotent (the key is the month's).
	 */
	public void remindMonthly(YearMonth month) {
		if (issued(Period.month(month)).isPresent()) {
			return;
		}
		List<Long> owners = accounts.enabledHolders(Role.OFFICE_EDITOR).stream().map(UserAccount::getId).toList();
		if (owners.isEmpty()) {
			return;
		}
		String text = periodText(Period.month(month));
		deadlines.register(deadlineKey(month), owners, dueAt(month), NotificationType.SYSTEM,
				texts.get("assessment.circular.deadline", text, month.plusMonths(1).getMonthValue(), DUE_DAY),
				"/assessment/circulars?kind=MONTH&year=" + month.getYear() + "&month=" + month.getMonthValue(),
				DUE_OFFSETS);
	}

	// ---- helpers -------------------------------------------------------------------------------

	/** The issuer, the addressee and the copy-to line are remembered for the next circular (asm_setting). */
	private void remember(Options options) {
		put("circular.issuer", options.issuer());
		put("circular.addressee", options.addressee());
		put("circular.copyTo", options.copyTo() == null ? "" : options.copyTo());
	}

	private void put(String key, String value) {
		Instant now = Instant.now(clock);
		String actor = io.infodesk.shared.security.CurrentUser.actorName();
		int updated = jdbc.update("update asm_setting set setting_value = ?, updated_by = ?, updated_at = ? "
				+ "where setting_key = ?", value, actor, JdbcTime.utc(now), key);
		if (updated == 0) {
			jdbc.update("insert into asm_setting (setting_key, setting_value, updated_by, updated_at) values (?, ?, ?, ?)",
					key, value, actor, JdbcTime.utc(now));
		}
	}

	static Instant start(LocalDate day) {
		return day.atStartOfDay(TimeConfiguration.ZONE).toInstant();
	}

	static String sha256(byte[] content) {
		return FileStore.sha256(content);
	}

	private static final String COLUMNS = """
			id, period_kind, period_from, period_to, version, status, title, document_number, issued_on, docx_sha256,
			docx_size, xlsx_sha256, xlsx_size, generated_by, generated_at, superseded_by, superseded_at""";

	private static final RowMapper<Circular> CIRCULAR = (rs, row) -> new Circular(rs.getLong("id"),
			new Period(Period.Kind.valueOf(rs.getString("period_kind")), rs.getObject("period_from", LocalDate.class),
					rs.getObject("period_to", LocalDate.class)),
			rs.getInt("version"), Status.valueOf(rs.getString("status")), rs.getString("title"),
			rs.getString("document_number"), rs.getObject("issued_on", LocalDate.class), rs.getString("docx_sha256"),
			rs.getLong("docx_size"), rs.getString("xlsx_sha256"), rs.getLong("xlsx_size"), rs.getString("generated_by"),
			JdbcTime.instant(rs.getObject("generated_at")), rs.getObject("superseded_by", Long.class),
			JdbcTime.instant(rs.getObject("superseded_at")));

}
