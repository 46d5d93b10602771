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
import io.infodesk.xuexi.internal.FigureCalculator.DailyTotals;
import io.infodesk.xuexi.internal.FigureCalculator.MemberFacts;
import io.infodesk.xuexi.internal.FigureCalculator.SnapshotFact;
import io.infodesk.xuexi.internal.FigureQueries;
import io.infodesk.xuexi.internal.RosterMemberRepository;

/**
 * The figures of S3.4-b for a period and the units in the user's data scope: reads the roster (required members of
 * active people), the data days, the latest snapshots and the daily facts summed by the database
 * ({@link FigureQueries}: logins per unit and day, points per member), and hands them to {@link FigureCalculator}.
 */
@Service
@Transactional(readOnly = true)
public class XuexiFigures {

	private final RosterMemberRepository members;

	private final Organization organization;

	private final JdbcTemplate jdbc;

	private final FigureQueries queries;

	private final Clock clock;

	XuexiFigures(RosterMemberRepository members, Organization organization, JdbcTemplate jdbc, FigureQueries queries,
			Clock clock) {
		this.members = members;
		this.organization = organization;
		this.jdbc = jdbc;
		this.queries = queries;
		this.clock = clock;
	}

	public Figures figures(LocalDate from, LocalDate to, DataScope scope) {
		return figures(from, to, scope, (first, asOf, facts, snapshots, excluded) -> queries.totals(first, asOf, excluded));
	}

	/** Where the summed daily facts come from: the database's {@code group by} ({@link FigureQueries}) or a test. */
	interface TotalsSource {

		DailyTotals totals(LocalDate from, LocalDate asOf, List<MemberFacts> members, Map<Long, SnapshotFact> snapshots,
				List<Long> excluded);

	}

	Figures figures(LocalDate from, LocalDate to, DataScope scope, TotalsSource source) {
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
		List<Long> excluded = new ArrayList<>();
		for (RosterMember member : roster) {
			Person person = people.get(member.getPersonId());
			if (person != null && person.isActive()) {
				facts.add(new MemberFacts(member.getId(), person.getId(), person.getName(), member.getUnitId(),
						member.isRegistered(), member.getRegisteredOn(), person.isSectionLevelCadre()));
			}
			else {
				excluded.add(member.getId());
			}
		}
		LocalDate base = FigureCalculator.base(from, asOf);
		LocalDate last = asOf.isBefore(base) ? base : asOf;
		TreeSet<LocalDate> dataDays = new TreeSet<>(jdbc.queryForList(
				"select learn_day from xuexi_data_day where learn_day between ? and ?", LocalDate.class, Date.valueOf(base),
				Date.valueOf(last)));
		Map<Long, SnapshotFact> snapshots = new HashMap<>();
		jdbc.query("select member_id, as_of, year_points from xuexi_snapshot where as_of between ? and ? order by as_of",
				rs -> {
					long id = rs.getLong(1);
					snapshots.put(id, new SnapshotFact(id, rs.getObject(2, LocalDate.class), rs.getInt(3)));
				}, Date.valueOf(asOf.withDayOfYear(1)), Date.valueOf(asOf));
		DailyTotals daily = source.totals(from, asOf, facts, snapshots, excluded);
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
