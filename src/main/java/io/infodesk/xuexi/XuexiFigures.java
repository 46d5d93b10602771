package io.infodesk.xuexi;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;
import io.infodesk.shared.security.DataScope;
import io.infodesk.xuexi.internal.FigureCalculator;
import io.infodesk.xuexi.internal.FigureCalculator.DailyData;
import io.infodesk.xuexi.internal.FigureCalculator.MemberFacts;
import io.infodesk.xuexi.internal.FigureCalculator.SnapshotFact;
import io.infodesk.xuexi.internal.RosterMemberRepository;

/**
 * The figures of S3.4-b for a period and the units in the user's data scope: reads the roster (required members of
 * active people), the data days, the daily facts from the start of the year (or the period, if earlier) and the
 * latest snapshots, and hands them to {@link FigureCalculator}.
 */
@Service
@Transactional(readOnly = true)
public class XuexiFigures {

	private final RosterMemberRepository members;

	private final Organization organization;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	XuexiFigures(RosterMemberRepository members, Organization organization, JdbcTemplate jdbc, Clock clock) {
		this.members = members;
		this.organization = organization;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Figures figures(LocalDate from, LocalDate to, DataScope scope) {
		if (to.isBefore(from)) {
			throw new ImportRefused("xuexi.figures.error.period");
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate asOf = to.isAfter(today) ? today : to;
		Map<Long, String> unitNames = new LinkedHashMap<>();
		for (Unit unit : organization.activeUnits()) {
			if (scope.includes(unit.getId())) {
				unitNames.put(unit.getId(), unit.getName());
			}
		}
		List<RosterMember> roster = members.findAll()
			.stream()
			.filter(RosterMember::isRequired)
			.filter(m -> unitNames.containsKey(m.getUnitId()))
			.toList();
		Map<Long, Person> people = organization.people(roster.stream().map(RosterMember::getPersonId).toList())
			.stream()
			.collect(Collectors.toMap(Person::getId, Function.identity()));
		List<MemberFacts> facts = new ArrayList<>();
		for (RosterMember member : roster) {
			Person person = people.get(member.getPersonId());
			if (person != null && person.isActive()) {
				facts.add(new MemberFacts(member.getId(), person.getId(), person.getName(), member.getUnitId(),
						member.isRegistered(), member.getRegisteredOn(), person.isSectionLevelCadre()));
			}
		}
		LocalDate base = FigureCalculator.base(from, asOf);
		LocalDate last = asOf.isBefore(base) ? base : asOf;
		TreeSet<LocalDate> dataDays = new TreeSet<>(jdbc.queryForList(
				"select learn_day from xuexi_data_day where learn_day between ? and ?", LocalDate.class, Date.valueOf(base),
				Date.valueOf(last)));
		DailyData daily = new DailyData(base, last);
		jdbc.query("select member_id, learn_day, points, logged_in from xuexi_daily where learn_day between ? and ?",
				rs -> {
					daily.add(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getBoolean(4));
				}, Date.valueOf(base), Date.valueOf(last));
		Map<Long, SnapshotFact> snapshots = new HashMap<>();
		jdbc.query("select member_id, as_of, year_points from xuexi_snapshot where as_of between ? and ? order by as_of",
				rs -> {
					long id = rs.getLong(1);
					snapshots.put(id, new SnapshotFact(id, rs.getObject(2, LocalDate.class), rs.getInt(3)));
				}, Date.valueOf(asOf.withDayOfYear(1)), Date.valueOf(asOf));
		return FigureCalculator.compute(from, to, today, facts, unitNames, dataDays, daily, snapshots);
	}

	/** The year to date (the default period of the pages). */
	public Figures yearToDate(DataScope scope) {
		LocalDate today = LocalDate.now(clock);
		return figures(today.withDayOfYear(1), today, scope);
	}

	/** The last day with an imported daily report, if any. */
	public LocalDate lastDataDay() {
		return jdbc.queryForObject("select max(learn_day) from xuexi_data_day", LocalDate.class);
	}

}
