package io.infodesk.xuexi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.audit.AuditTrail;
import io.infodesk.shared.crypto.PersonalData;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.text.Strings;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.BusinessException;
import io.infodesk.xuexi.internal.ImportProfile;
import io.infodesk.xuexi.internal.ImportProgress;
import io.infodesk.xuexi.internal.ImportProfileRepository;
import io.infodesk.xuexi.internal.ReportReader;
import io.infodesk.xuexi.internal.ReportReader.Format;
import io.infodesk.xuexi.internal.RosterMemberRepository;
import io.infodesk.xuexi.internal.UploadStaging;

/**
 * Imports the platform's learning reports (S3.4-b): an upload is staged (size, type and — for XLSX — the package
 * checked against zip bombs before anything is parsed), its header row recognised against the saved import profiles
 * or mapped by the user, previewed (first rows, matched members, every problem with its row and column) and imported
 * all-or-nothing in one transaction. Importing a day again replaces that day (daily detail) or that date's totals
 * (snapshot), so the same report twice never doubles. Members matched to nobody are kept to be matched or ignored.
 * Files are read as streams (POI's SAX reader, a CSV character stream); only ~20 bytes per accepted row are kept.
 * <p>
 * The staged files are {@link UploadStaging}, the reading {@link ReportReader}. Still over ~350 lines because the
 * preview and the import are the same pass over the file ({@code Scan}, matching members through
 * {@code MemberIndex}, both inner classes over this service's repositories), and the import writes what that pass
 * kept in the same all-or-nothing transaction.
 */
@Service
public class XuexiImports {

	/** The platform went online on 1 January 2019: no report holds an earlier day. */
	public static final LocalDate EARLIEST = LocalDate.of(2019, 1, 1);

	static final int PREVIEW_ROWS = 20;

	static final int MAX_PROBLEMS = 200;

	static final int BATCH = 1000;

	private static final Pattern INTEGER = Pattern.compile("\\d{1,7}(\\.0+)?");

	private final JdbcTemplate jdbc;

	private final RosterMemberRepository members;

	private final ImportProfileRepository profiles;

	private final Organization organization;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Texts texts;

	private final Clock clock;

	private final PersonalData personal;

	/** The staged uploads, written and read through the store's SM4 encryption (issue 17: no clear file at rest). */
	private final UploadStaging uploads;

	private final ImportProgress progress;

	XuexiImports(JdbcTemplate jdbc, RosterMemberRepository members, ImportProfileRepository profiles,
			Organization organization, AuditTrail audit, ApplicationEventPublisher events, Texts texts,
			UploadStaging uploads, Clock clock, PersonalData personal, ImportProgress progress) {
		this.progress = progress;
		this.uploads = uploads;
		this.personal = personal;
		this.jdbc = jdbc;
		this.members = members;
		this.profiles = profiles;
		this.organization = organization;
		this.audit = audit;
		this.events = events;
		this.texts = texts;
		this.clock = clock;
	}

	/** An uploaded report waiting to be mapped, previewed and imported. */
	public record Staged(String token, String fileName, String format, List<String> headers, ImportProfile profile,
			ReportKind kind, Map<ReportField, Integer> columns) {

		public boolean recognised() {
			return profile != null;
		}

	}

	/** Which column holds which field, the kind, and the date of a snapshot without a date column. */
	public record Mapping(ReportKind kind, Map<ReportField, Integer> columns, LocalDate asOf) {

		Integer column(ReportField field) {
			return columns.get(field);
		}

	}

	public record PreviewRow(int rowNumber, String identity, String member, String date, String values) {

	}

	public record Unmatched(String name, String phone, String memberId, String org) {

		String key() {
			return memberId != null && !memberId.isBlank() ? "ID:" + memberId
					: "NP:" + (name == null ? "" : name) + "|" + (phone == null ? "" : phone);
		}

	}

	public record Preview(int rows, List<PreviewRow> first, int matchedMembers, int matchedRows, List<Unmatched> unmatched,
			int ignoredRows, List<String> problems, int problemCount, LocalDate firstDay, LocalDate lastDay, int days) {

		public boolean importable() {
			return problemCount == 0 && matchedRows > 0;
		}

	}

	public record Result(long importId, ReportKind kind, int rows, int matchedMembers, int unmatched, LocalDate firstDay,
			LocalDate lastDay, int days) {

	}

	// staging (the files themselves: internal.UploadStaging) ----------------------------------------------------

	public Staged stage(long declaredSize, InputStreamSource content, String fileName) {
		String token = uploads.stage(declaredSize, content, fileName);
		try {
			return staged(token);
		}
		catch (BusinessException refused) {
			uploads.discard(token);
			throw refused;
		}
	}

	/** The staged upload again (for the mapping and preview pages). */
	public Staged staged(String token) {
		if (!uploads.exists(token)) {
			throw new ImportRefused("xuexi.import.error.expired");
		}
		try {
			Format format = uploads.checkedFormat(token);
			List<String> headers = ReportReader.header(uploads.plain(token), format);
			if (headers.isEmpty()) {
				throw new ImportRefused("xuexi.import.error.noRows");
			}
			String fileName = uploads.fileName(token);
			Optional<ImportProfile> profile = profiles.findByHeaderKey(ImportProfile.headerKey(headers));
			if (profile.isPresent()) {
				return new Staged(token, fileName, format.name(), headers, profile.get(), profile.get().getKind(),
						profile.get().columns());
			}
			Map<ReportField, Integer> proposed = propose(headers);
			ReportKind kind = proposed.containsKey(ReportField.YEAR_POINTS) || proposed.containsKey(ReportField.TOTAL_POINTS)
					? ReportKind.SNAPSHOT : ReportKind.DAILY;
			proposed.keySet().retainAll(kind.fields());
			return new Staged(token, fileName, format.name(), headers, null, kind, proposed);
		}
		catch (IOException ex) {
			throw new ImportRefused("xuexi.import.error.unreadable");
		}
	}

	public void discard(String token) {
		uploads.discard(token);
	}

	static Map<ReportField, Integer> propose(List<String> headers) {
		Map<ReportField, Integer> columns = new EnumMap<>(ReportField.class);
		for (ReportField field : ReportField.values()) {
			for (int i = 0; i < headers.size(); i++) {
				if (field.knownHeaders().contains(headers.get(i).strip()) && !columns.containsValue(i)) {
					columns.put(field, i);
					break;
				}
			}
		}
		return columns;
	}

	// mapping checks ---------------------------------------------------------------------------------------------

	void checkMapping(Mapping mapping, List<String> headers) {
		if (mapping.kind() == null) {
			throw new ImportRefused("xuexi.import.error.kind");
		}
		if (mapping.column(ReportField.NAME) == null && mapping.column(ReportField.MEMBER_ID) == null) {
			throw new ImportRefused("xuexi.import.error.identity");
		}
		List<String> missing = mapping.kind()
			.required()
			.stream()
			.filter(field -> mapping.column(field) == null)
			.map(field -> texts.get("xuexi.field." + field))
			.toList();
		if (!missing.isEmpty()) {
			throw new ImportRefused("xuexi.import.error.unmapped", String.join("、", missing));
		}
		Set<Integer> seen = new HashSet<>();
		for (Map.Entry<ReportField, Integer> entry : mapping.columns().entrySet()) {
			if (entry.getValue() < 0 || entry.getValue() >= headers.size()) {
				throw new ImportRefused("xuexi.import.error.column");
			}
			if (!seen.add(entry.getValue())) {
				throw new ImportRefused("xuexi.import.error.twice", headers.get(entry.getValue()));
			}
			if (!mapping.kind().fields().contains(entry.getKey())) {
				throw new ImportRefused("xuexi.import.error.fieldNotOfKind", texts.get("xuexi.field." + entry.getKey()));
			}
		}
		if (mapping.kind() == ReportKind.SNAPSHOT && mapping.column(ReportField.DATE) == null) {
			if (mapping.asOf() == null) {
				throw new ImportRefused("xuexi.import.error.asOf");
			}
			checkDay(mapping.asOf(), () -> new ImportRefused("xuexi.import.error.asOfRange", EARLIEST, today()));
		}
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private void checkDay(LocalDate day, java.util.function.Supplier<ImportRefused> refusal) {
		if (day.isBefore(EARLIEST) || day.isAfter(today())) {
			throw refusal.get();
		}
	}

	// the scan ---------------------------------------------------------------------------------------------------

	/** What one pass over the file found: rows accepted (compactly), problems, unmatched, days. */
	final class Scan {

		final Mapping mapping;

		final MemberIndex index;

		int rows;

		int ignoredRows;

		int problemCount;

		final List<String> problems = new ArrayList<>();

		final List<PreviewRow> first = new ArrayList<>();

		final Map<String, Unmatched> unmatched = new LinkedHashMap<>();

		final Map<String, Integer> seen = new HashMap<>();

		final TreeSet<LocalDate> days = new TreeSet<>();

		final Set<Long> matched = new HashSet<>();

		final Map<Long, LocalDate> firstSeen = new HashMap<>();

		long[] memberIds = new long[1024];

		int[] epochDays = new int[1024];

		int[] values = new int[1024];

		int[] values2 = new int[1024];

		int accepted;

		boolean headerDone;

		Scan(Mapping mapping, MemberIndex index) {
			this.mapping = mapping;
			this.index = index;
		}

		void problem(String key, Object... args) {
			problemCount++;
			if (problems.size() < MAX_PROBLEMS) {
				problems.add(texts.get(key, args));
			}
		}

		boolean row(int rowNumber, List<String> cells) {
			if (cells.stream().allMatch(String::isBlank)) {
				return true;
			}
			if (!headerDone) {
				headerDone = true;
				return true;
			}
			rows++;
			if (rows > 1_000_000) {
				problem("xuexi.problem.tooManyRows", 1_000_000);
				return false;
			}
			String name = cell(cells, ReportField.NAME);
			String phone = cell(cells, ReportField.PHONE);
			String platformId = cell(cells, ReportField.MEMBER_ID);
			String org = cell(cells, ReportField.ORG);
			int before = problemCount;
			if (name.isEmpty() && platformId.isEmpty()) {
				problem("xuexi.problem.identity", rowNumber);
			}
			LocalDate day = mapping.asOf();
			if (mapping.column(ReportField.DATE) != null) {
				day = date(rowNumber, cells);
			}
			int first;
			int second = 0;
			if (mapping.kind() == ReportKind.DAILY) {
				first = number(rowNumber, cells, ReportField.POINTS);
				Integer login = mapping.column(ReportField.LOGGED_IN);
				if (login != null) {
					Boolean flag = flag(cell(cells, ReportField.LOGGED_IN));
					if (flag == null) {
						problem("xuexi.problem.flag", rowNumber, ReportReader.columnLetter(login),
								cell(cells, ReportField.LOGGED_IN));
					}
					second = Boolean.TRUE.equals(flag) ? 1 : 0;
				}
				else {
					second = first > 0 ? 1 : 0;
				}
			}
			else {
				first = number(rowNumber, cells, ReportField.TOTAL_POINTS);
				second = number(rowNumber, cells, ReportField.YEAR_POINTS);
				if (problemCount == before && second > first) {
					problem("xuexi.problem.yearAboveTotal", rowNumber, second, first);
				}
			}
			if (problemCount > before) {
				return true;
			}
			Unmatched identity = new Unmatched(Strings.blankToNull(name), Strings.blankToNull(phone),
					Strings.blankToNull(platformId), Strings.blankToNull(org));
			Long memberId = index.find(identity);
			String duplicateKey = (memberId != null ? "M" + memberId : identity.key()) + "@" + day;
			Integer earlier = seen.putIfAbsent(duplicateKey, rowNumber);
			if (earlier != null) {
				problem("xuexi.problem.duplicate", rowNumber, display(identity), day, earlier);
				return true;
			}
			if (this.first.size() < PREVIEW_ROWS) {
				this.first.add(new PreviewRow(rowNumber, display(identity), memberId == null ? null : index.name(memberId),
						day.toString(), mapping.kind() == ReportKind.DAILY
								? texts.get("xuexi.preview.daily", first, second == 1 ? texts.get("common.yes")
										: texts.get("common.no"))
								: texts.get("xuexi.preview.snapshot", first, second)));
			}
			days.add(day);
			if (memberId == null) {
				if (index.ignored(identity.key())) {
					ignoredRows++;
				}
				else {
					unmatched.putIfAbsent(identity.key(), identity);
				}
				return true;
			}
			matched.add(memberId);
			firstSeen.merge(memberId, day, (a, b) -> a.isBefore(b) ? a : b);
			if (accepted == memberIds.length) {
				int size = accepted * 2;
				memberIds = Arrays.copyOf(memberIds, size);
				epochDays = Arrays.copyOf(epochDays, size);
				values = Arrays.copyOf(values, size);
				values2 = Arrays.copyOf(values2, size);
			}
			memberIds[accepted] = memberId;
			epochDays[accepted] = (int) day.toEpochDay();
			values[accepted] = first;
			values2[accepted] = second;
			accepted++;
			return true;
		}

		private String cell(List<String> cells, ReportField field) {
			Integer column = mapping.column(field);
			if (column == null || column >= cells.size()) {
				return "";
			}
			return cells.get(column).strip();
		}

		private LocalDate date(int rowNumber, List<String> cells) {
			String text = cell(cells, ReportField.DATE);
			String column = ReportReader.columnLetter(mapping.column(ReportField.DATE));
			LocalDate day = parseDate(text);
			if (day == null) {
				problem("xuexi.problem.date", rowNumber, column, text);
				return mapping.asOf() == null ? EARLIEST : mapping.asOf();
			}
			if (day.isBefore(EARLIEST) || day.isAfter(today())) {
				problem("xuexi.problem.dateRange", rowNumber, column, text, EARLIEST, today());
			}
			return day;
		}

		private int number(int rowNumber, List<String> cells, ReportField field) {
			String text = cell(cells, field);
			String column = ReportReader.columnLetter(mapping.column(field));
			String label = texts.get("xuexi.field." + field);
			if (text.startsWith("-") && INTEGER.matcher(text.substring(1)).matches()) {
				problem("xuexi.problem.negative", rowNumber, column, label, text);
				return 0;
			}
			if (!INTEGER.matcher(text.replace(",", "")).matches()) {
				problem("xuexi.problem.notNumber", rowNumber, column, label, text);
				return 0;
			}
			return (int) Double.parseDouble(text.replace(",", ""));
		}

	}

	private static String display(Unmatched identity) {
		StringBuilder text = new StringBuilder(identity.name() == null ? "" : identity.name());
		if (identity.phone() != null) {
			text.append('（').append(identity.phone()).append('）');
		}
		if (identity.memberId() != null) {
			text.append(text.isEmpty() ? "" : " ").append(identity.memberId());
		}
		return text.toString();
	}

	private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ofPattern("uuuu-M-d"),
			DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.ofPattern("uuuu.M.d"),
			DateTimeFormatter.ofPattern("uuuu年M月d日"), DateTimeFormatter.BASIC_ISO_DATE);

	static LocalDate parseDate(String text) {
		String value = text.strip();
		if (value.length() > 10 && value.charAt(10) == ' ') {
			value = value.substring(0, 10);
		}
		for (DateTimeFormatter format : DATE_FORMATS) {
			try {
				return LocalDate.parse(value, format);
			}
			catch (DateTimeParseException ex) {
				// the next format
			}
		}
		return null;
	}

	static Boolean flag(String text) {
		return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
			case "是", "已登录", "登录", "1", "y", "yes", "true", "√", "✓" -> Boolean.TRUE;
			case "否", "未登录", "0", "n", "no", "false", "×", "" -> Boolean.FALSE;
			default -> null;
		};
	}

	/** Finds the roster member of a platform identity: member ID, then name and phone, then a name unique on the roster. */
	final class MemberIndex {

		private final Map<String, Long> byPlatformId = new HashMap<>();

		private final Map<String, Long> byNamePhone = new HashMap<>();

		private final Map<String, Long> byName = new HashMap<>();

		private final Map<Long, String> names = new HashMap<>();

		private final Set<String> ignored;

		MemberIndex() {
			List<RosterMember> all = members.findAll();
			Map<Long, Person> people = organization.people(all.stream().map(RosterMember::getPersonId).toList())
				.stream()
				.collect(Collectors.toMap(Person::getId, p -> p));
			Set<String> ambiguous = new HashSet<>();
			for (RosterMember member : all) {
				Person person = people.get(member.getPersonId());
				String name = member.getPlatformName() != null ? member.getPlatformName()
						: person == null ? null : person.getName();
				String phone = member.getPlatformPhone() != null ? member.getPlatformPhone()
						: person == null ? null : person.getPhone();
				names.put(member.getId(), person == null ? name : person.getName());
				if (member.getPlatformMemberId() != null) {
					byPlatformId.put(member.getPlatformMemberId(), member.getId());
				}
				if (name != null) {
					if (phone != null) {
						byNamePhone.put(name + "|" + phone, member.getId());
					}
					if (byName.putIfAbsent(name, member.getId()) != null) {
						ambiguous.add(name);
					}
				}
			}
			ambiguous.forEach(byName::remove);
			ignored = new HashSet<>(jdbc.queryForList("select identity_key from xuexi_unmatched where status = 'IGNORED'",
					String.class));
		}

		Long find(Unmatched identity) {
			if (identity.memberId() != null) {
				Long id = byPlatformId.get(identity.memberId());
				if (id != null) {
					return id;
				}
			}
			if (identity.name() != null && identity.phone() != null) {
				Long id = byNamePhone.get(identity.name() + "|" + identity.phone());
				if (id != null) {
					return id;
				}
				return null;
			}
			return identity.name() == null ? null : byName.get(identity.name());
		}

		String name(long memberId) {
			return names.get(memberId);
		}

		boolean ignored(String key) {
			return ignored.contains(personal.hash(key));
		}

	}

	private Scan scan(String token, Mapping mapping, ImportProgress.Tracker tracker) {
		Staged staged = staged(token);
		checkMapping(mapping, staged.headers());
		Scan scan = new Scan(mapping, new MemberIndex());
		try {
			ReportReader.read(() -> tracker.counting(uploads.open(token)), Format.valueOf(staged.format()),
					(rowNumber, cells) -> {
						tracker.row();
						return scan.row(rowNumber, cells);
					});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (scan.rows == 0) {
			throw new ImportRefused("xuexi.import.error.noRows");
		}
		return scan;
	}

	private ImportProgress.Tracker track(String token, boolean writes) {
		long size;
		try {
			size = uploads.size(token);
		}
		catch (IOException ex) {
			size = 1;
		}
		return progress.start(token, size, writes);
	}

	/** How far the preview or import of the upload has come (the import page polls it), if one ran. */
	public Optional<ImportProgress.Snapshot> progress(String token) {
		uploads.file(token);
		return progress.of(token);
	}

	/** Reads the whole file and reports what an import would do, writing nothing. */
	public Preview preview(String token, Mapping mapping) {
		ImportProgress.Tracker tracker = track(token, false);
		Scan scan;
		try {
			scan = scan(token, mapping, tracker);
		}
		catch (RuntimeException ex) {
			tracker.failed();
			throw ex;
		}
		tracker.done();
		return new Preview(scan.rows, scan.first, scan.matched.size(), scan.accepted, List.copyOf(scan.unmatched.values()),
				scan.ignoredRows, scan.problems, scan.problemCount, scan.days.isEmpty() ? null : scan.days.first(),
				scan.days.isEmpty() ? null : scan.days.last(), scan.days.size());
	}

	/**
	 * Imports the staged report: all rows or none. The days (or snapshot dates) of the file replace what was imported
	 * for them before; the mapping is saved as a profile under {@code profileName} when one is given.
	 */
	@Transactional
	public Result execute(String token, Mapping mapping, String profileName) {
		ImportProgress.Tracker tracker = track(token, true);
		try {
			Result result = execute(token, mapping, profileName, tracker);
			tracker.done();
			return result;
		}
		catch (RuntimeException ex) {
			tracker.failed();
			throw ex;
		}
	}

	private Result execute(String token, Mapping mapping, String profileName, ImportProgress.Tracker tracker) {
		Scan scan = scan(token, mapping, tracker);
		if (scan.problemCount > 0) {
			List<String> problems = new ArrayList<>(scan.problems);
			if (scan.problemCount > scan.problems.size()) {
				problems.add(texts.get("xuexi.problem.more", scan.problemCount - scan.problems.size()));
			}
			throw new BusinessException.Problems("xuexi.import.error.problems", problems);
		}
		if (scan.accepted == 0) {
			throw new ImportRefused("xuexi.import.error.noneMatched");
		}
		Staged staged = staged(token);
		Instant now = Instant.now(clock);
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var statement = connection.prepareStatement(
					"insert into xuexi_import (kind, file_name, profile_id, row_count, matched, unmatched, first_day, "
							+ "last_day, imported_by, imported_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					new String[] { "id" });
			statement.setString(1, mapping.kind().name());
			statement.setString(2, truncate(staged.fileName(), 255));
			statement.setObject(3, staged.profile() == null ? null : staged.profile().getId());
			statement.setInt(4, scan.rows);
			statement.setInt(5, scan.matched.size());
			statement.setInt(6, scan.unmatched.size());
			statement.setDate(7, Date.valueOf(scan.days.first()));
			statement.setDate(8, Date.valueOf(scan.days.last()));
			statement.setString(9, CurrentUser.actorName());
			statement.setTimestamp(10, Timestamp.from(now));
			return statement;
		}, key);
		long importId = key.getKey().longValue();
		tracker.writing(scan.accepted);
		List<Object[]> dayArgs = scan.days.stream().map(day -> new Object[] { Date.valueOf(day) }).toList();
		if (mapping.kind() == ReportKind.DAILY) {
			jdbc.batchUpdate("delete from xuexi_daily where learn_day = ?", dayArgs);
			jdbc.batchUpdate("delete from xuexi_data_day where learn_day = ?", dayArgs);
			jdbc.batchUpdate("insert into xuexi_data_day (learn_day, import_id) values (?, ?)",
					scan.days.stream().map(day -> new Object[] { Date.valueOf(day), importId }).toList());
			insertRows(scan, tracker, "insert into xuexi_daily (member_id, learn_day, points, logged_in, import_id) values (?, ?, ?, ?, ?)",
					(i, args) -> {
						args[0] = scan.memberIds[i];
						args[1] = Date.valueOf(LocalDate.ofEpochDay(scan.epochDays[i]));
						args[2] = scan.values[i];
						args[3] = scan.values2[i] == 1;
						args[4] = importId;
					});
		}
		else {
			jdbc.batchUpdate("delete from xuexi_snapshot where as_of = ?", dayArgs);
			insertRows(scan, tracker,
					"insert into xuexi_snapshot (member_id, as_of, total_points, year_points, import_id) values (?, ?, ?, ?, ?)",
					(i, args) -> {
						args[0] = scan.memberIds[i];
						args[1] = Date.valueOf(LocalDate.ofEpochDay(scan.epochDays[i]));
						args[2] = scan.values[i];
						args[3] = scan.values2[i];
						args[4] = importId;
					});
		}
		// a member in the platform's report is registered there, at the latest since the first day seen
		List<RosterMember> seen = members.findAllById(scan.firstSeen.keySet());
		for (RosterMember member : seen) {
			if (member.seenOn(scan.firstSeen.get(member.getId()))) {
				member.touch(now);
			}
		}
		for (Unmatched unmatched : scan.unmatched.values()) {
			// the identity (name and phone) is personal data: the key is stored as its keyed hash, the phone encrypted
			String identityKey = personal.hash(unmatched.key());
			int updated = jdbc.update("update xuexi_unmatched set platform_org = ? where identity_key = ?",
					unmatched.org(), identityKey);
			if (updated == 0) {
				jdbc.update("insert into xuexi_unmatched (identity_key, platform_name, platform_phone, platform_member_id, "
						+ "platform_org, status, first_seen) values (?, ?, ?, ?, ?, 'OPEN', ?)", identityKey,
						truncate(unmatched.name(), 50), personal.encrypt(truncate(unmatched.phone(), 20)), truncate(unmatched.memberId(), 64),
						truncate(unmatched.org(), 200), Timestamp.from(now));
			}
		}
		String profile = saveProfile(profileName, mapping, staged, now);
		audit.record("XUEXI_REPORT_IMPORTED", "XuexiImport", importId,
				texts.get("xuexi.audit.imported", texts.get("xuexi.kind." + mapping.kind()), staged.fileName(), scan.rows,
						scan.matched.size(), scan.unmatched.size(), scan.days.first(), scan.days.last())
						+ (profile == null ? "" : texts.get("xuexi.audit.profile", profile)));
		events.publishEvent(new PlatformStatsImported(importId, mapping.kind(), scan.days.first(), scan.days.last(),
				scan.accepted));
		discard(token);
		return new Result(importId, mapping.kind(), scan.rows, scan.matched.size(), scan.unmatched.size(),
				scan.days.first(), scan.days.last(), scan.days.size());
	}

	private String saveProfile(String profileName, Mapping mapping, Staged staged, Instant now) {
		String name = Strings.blankToNull(profileName);
		if (name == null) {
			return null;
		}
		String headerKey = ImportProfile.headerKey(staged.headers());
		if (headerKey.length() > 2000) {
			throw new ImportRefused("xuexi.import.error.headerTooLong");
		}
		ImportProfile profile = profiles.findByHeaderKey(headerKey)
			.orElseGet(() -> new ImportProfile(truncate(name, 100), mapping.kind(), headerKey, mapping.columns(), now));
		profile.update(truncate(name, 100), mapping.kind(), mapping.columns(), now);
		profiles.save(profile);
		return profile.getName();
	}

	private interface RowArgs {

		void fill(int index, Object[] args);

	}

	private void insertRows(Scan scan, ImportProgress.Tracker tracker, String sql, RowArgs rowArgs) {
		List<Object[]> batch = new ArrayList<>(BATCH);
		for (int i = 0; i < scan.accepted; i++) {
			Object[] args = new Object[5];
			rowArgs.fill(i, args);
			batch.add(args);
			if (batch.size() == BATCH) {
				jdbc.batchUpdate(sql, batch);
				tracker.wrote(batch.size());
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			jdbc.batchUpdate(sql, batch);
			tracker.wrote(batch.size());
		}
	}

	private static String truncate(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

	/** The saved profiles, for the import page. */
	public List<ImportProfile> profiles() {
		return profiles.findAllByOrderByNameAsc();
	}

	public record ImportLine(long id, String kind, String fileName, int rows, int matched, int unmatched,
			LocalDate firstDay, LocalDate lastDay, String importedBy, Instant importedAt) {

	}

	/** The latest imports, newest first. */
	public List<ImportLine> recent(int limit) {
		return jdbc.query("select * from xuexi_import order by id desc limit " + Math.max(1, Math.min(limit, 500)),
				(rs, n) -> new ImportLine(rs.getLong("id"), rs.getString("kind"), rs.getString("file_name"),
						rs.getInt("row_count"), rs.getInt("matched"), rs.getInt("unmatched"),
						rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class),
						rs.getString("imported_by"), rs.getTimestamp("imported_at").toInstant()));
	}

}
