package io.infodesk.xuexi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;
import io.infodesk.xuexi.internal.RosterMemberRepository;

/**
 * Sample platform reports of the roster for the year to date (up to yesterday), in the two layouts the platform
 * exports: the daily detail as XLSX (姓名, 手机号, 所在组织, 日期, 当日积分, 是否登录) and the cumulative snapshot as CSV in
 * GBK (姓名, 手机号, 所在组织, 总积分, 年度积分, 统计日期). Deterministic: every third cadre learns too little to keep pace,
 * the last two members of the roster never registered, one registered in the middle of the year, 质量安全监督站 logs
 * in less than 95 % of the days, and two days of the year have no report (gaps). Used by the demo and offered on the import page for a new user to try.
 */
@Component
public class SampleReports {

	public static final List<String> DAILY_HEADERS = List.of("姓名", "手机号", "所在组织", "日期", "当日积分", "是否登录");

	public static final List<String> SNAPSHOT_HEADERS = List.of("姓名", "手机号", "所在组织", "总积分", "年度积分", "统计日期");

	private final RosterMemberRepository members;

	private final Organization organization;

	private final Clock clock;

	SampleReports(RosterMemberRepository members, Organization organization, Clock clock) {
		this.members = members;
		this.organization = organization;
		this.clock = clock;
	}

	/** One member's learning in the sample. */
	record Learner(Person person, String org, int dailyBase, double loginChance, LocalDate from, long seed) {

	}

	private List<Learner> learners() {
		List<RosterMember> roster = members.findAllByOrderByUnitIdAscIdAsc();
		Map<Long, Person> people = organization.people(roster.stream().map(RosterMember::getPersonId).toList())
			.stream()
			.collect(Collectors.toMap(Person::getId, Function.identity()));
		Map<Long, String> units = organization.activeUnits().stream().collect(Collectors.toMap(Unit::getId, Unit::getName));
		LocalDate yearStart = LocalDate.now(clock).withDayOfYear(1);
		List<Learner> learners = new ArrayList<>();
		int cadres = 0;
		for (int i = 0; i < roster.size() - 2; i++) {
			Person person = people.get(roster.get(i).getPersonId());
			if (person == null || !person.isActive()) {
				continue;
			}
			String org = "××区住建局" + units.getOrDefault(person.getUnitId(), "") + "党支部";
			int base = 22;
			if (person.isSectionLevelCadre() && cadres++ % 3 == 1) {
				base = 9; // behind pace
			}
			double login = units.getOrDefault(person.getUnitId(), "").contains("质量安全") ? 0.85 : 0.985;
			LocalDate from = i == roster.size() / 2 ? yearStart.plusDays(LocalDate.now(clock).getDayOfYear() / 2)
					: yearStart;
			learners.add(new Learner(person, org, base, login, from, person.getId() * 7919L));
		}
		return learners;
	}

	private Set<LocalDate> gapDays(LocalDate last) {
		LocalDate start = last.withDayOfYear(1);
		return Set.of(start.plusDays(40), start.plusDays(Math.max(41, last.getDayOfYear() - 12)));
	}

	/** The points a learner made on a day (0 when not logged in), reproducibly. */
	private static int[] day(Learner learner, LocalDate day) {
		Random random = new Random(learner.seed() ^ day.toEpochDay() * 31);
		boolean logged = random.nextDouble() < learner.loginChance();
		int points = logged ? Math.max(1, learner.dailyBase() + random.nextInt(11) - 5) : 0;
		return new int[] { points, logged ? 1 : 0 };
	}

	private LocalDate lastDay() {
		return LocalDate.now(clock).minusDays(1);
	}

	/**
	 * The daily-detail report of the year to date as XLSX (some 20,000 rows by the end of a year). Written as a stream
	 * (SXSSF, with a shared-strings table like the platform's own export): building the whole sheet in memory first
	 * (XSSF) took about a tenth of the demo's start-up CPU (docs/performance.md "Start-up and memory").
	 */
	public byte[] dailyXlsx() {
		LocalDate last = lastDay();
		LocalDate start = last.withDayOfYear(1);
		Set<LocalDate> gaps = gapDays(last);
		List<Learner> learners = learners();
		SXSSFWorkbook streaming = new SXSSFWorkbook(null, 200, false, true);
		try (SXSSFWorkbook workbook = streaming) {
			Sheet sheet = workbook.createSheet("学习明细");
			Row header = sheet.createRow(0);
			for (int c = 0; c < DAILY_HEADERS.size(); c++) {
				header.createCell(c).setCellValue(DAILY_HEADERS.get(c));
			}
			int r = 1;
			for (LocalDate day = start; !day.isAfter(last); day = day.plusDays(1)) {
				if (gaps.contains(day)) {
					continue;
				}
				for (Learner learner : learners) {
					if (day.isBefore(learner.from())) {
						continue;
					}
					int[] values = day(learner, day);
					Row row = sheet.createRow(r++);
					row.createCell(0).setCellValue(learner.person().getName());
					row.createCell(1).setCellValue(learner.person().getPhone() == null ? "" : learner.person().getPhone());
					row.createCell(2).setCellValue(learner.org());
					row.createCell(3).setCellValue(day.toString());
					row.createCell(4).setCellValue(values[0]);
					row.createCell(5).setCellValue(values[1] == 1 ? "是" : "否");
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			streaming.dispose(); // the temporary file of the rows
		}
	}

	/** The cumulative snapshot as of yesterday as CSV in GBK. */
	public byte[] snapshotCsv() {
		LocalDate last = lastDay();
		LocalDate start = last.withDayOfYear(1);
		Set<LocalDate> gaps = gapDays(last);
		StringBuilder csv = new StringBuilder(String.join(",", SNAPSHOT_HEADERS)).append("\r\n");
		for (Learner learner : learners()) {
			int year = 0;
			for (LocalDate day = start; !day.isAfter(last); day = day.plusDays(1)) {
				if (!day.isBefore(learner.from())) {
					year += gaps.contains(day) ? learner.dailyBase() : day(learner, day)[0];
				}
			}
			int total = year + (learner.from().equals(start) ? 9000 + (int) (learner.seed() % 4000) : 0);
			csv.append(learner.person().getName())
				.append(',')
				.append(learner.person().getPhone() == null ? "" : learner.person().getPhone())
				.append(',')
				.append(learner.org())
				.append(',')
				.append(total)
				.append(',')
				.append(year)
				.append(',')
				.append(last)
				.append("\r\n");
		}
		return csv.toString().getBytes(Charset.forName("GBK"));
	}

}
