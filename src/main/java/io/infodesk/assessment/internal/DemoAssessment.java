package io.infodesk.assessment.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import io.infodesk.assessment.Adjustment;
import io.infodesk.assessment.AdjustmentForm;
import io.infodesk.assessment.Adjustments;
import io.infodesk.assessment.circular.Circulars;
import io.infodesk.assessment.Ledger;
import io.infodesk.assessment.Period;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Unit;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.time.DemoTime;
import io.infodesk.shared.time.TimeConfiguration;

/**
 * Demo data of the assessment (profile {@code demo}, last of the demo seeders (90) so that every module's demo
 * events are in the ledger before a month's 通报 is issued; only while no circular and no
 * adjustment exists): once the ledger has taken in every event of the demo year, for each month that has ended
 * the office proposes an adjustment or two early in the next month, the leader approves them (one is refused,
 * the latest still waits), and the office issues the month's 通报 on the fifth — through the services, at those
 * past instants ({@link DemoTime}), as the demo users {@code office} and {@code leader}.
 */
@Component
@Profile("demo")
@Order(90)
class DemoAssessment implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoAssessment.class);

	private static final Duration LEDGER_WAIT = Duration.ofSeconds(60);

	/** Unit, points, reason: the adjustments the office proposes (one of them each month, in turn). */
	private static final List<Object[]> PROPOSALS = List.of(
			new Object[] { "质量安全监督站", "3", "汛期建筑工地安全信息报送及时准确，局党组通报表扬" },
			new Object[] { "物业管理科", "2", "“红色物业”经验做法被市委组织部专题推介" },
			new Object[] { "城建科", "2", "老旧小区改造信息被市政府领导批示肯定" },
			new Object[] { "房地产市场监管科", "-2", "报送的网签数据与统计口径不符，造成信息更正" },
			new Object[] { "住房保障科", "3", "保障性租赁住房工作信息被省住建厅专刊采用并推广" },
			new Object[] { "建筑业管理科", "2", "根治欠薪专项行动信息报送主动及时" },
			new Object[] { "村镇建设科", "-1", "农村自建房排查信息两次逾期未按要求补报" },
			new Object[] { "房产交易管理中心", "1", "“带押过户”做法被区委《每日要情》刊发" });

	private final Circulars circulars;

	private final Adjustments adjustments;

	private final Ledger ledger;

	private final Organization organization;

	private final UserDetailsService users;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	DemoAssessment(Circulars circulars, Adjustments adjustments, Ledger ledger, Organization organization,
			UserDetailsService users, JdbcTemplate jdbc, Clock clock) {
		this.circulars = circulars;
		this.adjustments = adjustments;
		this.ledger = ledger;
		this.organization = organization;
		this.users = users;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!circulars.list().isEmpty() || !adjustments.all().isEmpty()) {
			return;
		}
		Optional<AuthenticatedUser> office = user("office");
		Optional<AuthenticatedUser> leader = user("leader");
		if (office.isEmpty() || leader.isEmpty()) {
			log.info("Demo assessment skipped: the demo accounts are missing");
			return;
		}
		if (!ledgerComplete()) {
			log.warn("Demo assessment skipped: the ledger has not taken in the demo events within {}", LEDGER_WAIT);
			return;
		}
		if (ledger.count() == 0) {
			return;
		}
		try {
			create(office.get(), leader.get());
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void create(AuthenticatedUser office, AuthenticatedUser leader) {
		LocalDate today = LocalDate.now(clock);
		YearMonth current = YearMonth.from(today);
		int issued = 0;
		int proposal = 0;
		Circulars.Options defaults = circulars.defaults();
		for (YearMonth month = YearMonth.of(today.getYear(), 1); month.isBefore(current); month = month.plusMonths(1)) {
			YearMonth next = month.plusMonths(1);
			// adjustments of the month, proposed on the 2nd of the next, decided on the 3rd
			int many = month.getMonthValue() % 3 == 0 ? 2 : 1;
			for (int n = 0; n < many; n++, proposal++) {
				Object[] row = PROPOSALS.get(proposal % PROPOSALS.size());
				Optional<Long> unitId = unitId((String) row[0]);
				if (unitId.isEmpty()) {
					continue;
				}
				LocalDate day = month.atDay(10 + n * 8);
				Adjustment adjustment = DemoTime.at(at(next.atDay(2), 10), () -> {
					as(office);
					return adjustments.request(new AdjustmentForm(unitId.get(), null, new BigDecimal((String) row[1]),
							(String) row[2], day), office);
				});
				boolean latest = !next.isBefore(current) && n == many - 1;
				if (latest) {
					continue; // the latest waits for the leader
				}
				boolean refused = proposal % 7 == 3;
				DemoTime.at(at(next.atDay(3), 9), () -> {
					as(leader);
					if (refused) {
						adjustments.reject(adjustment.getId(), "依据不足，请补充相关证明材料后再报", leader);
					}
					else {
						adjustments.approve(adjustment.getId(), "同意", leader);
					}
				});
			}
			// the month's 通报, issued on the 5th of the next month (or today, if that is earlier)
			Instant issueAt = at(next.atDay(5), 10);
			Instant now = Instant.now(clock);
			int number = month.getMonthValue();
			YearMonth closed = month;
			DemoTime.at(issueAt.isAfter(now) ? now : issueAt, () -> {
				as(office);
				circulars.issue(Period.month(closed), new Circulars.Options(defaults.issuer(),
						"区住建办〔" + closed.getYear() + "〕" + (20 + number * 3) + "号", defaults.addressee(),
						defaults.copyTo()), office);
			});
			issued++;
		}
		log.info("Demo assessment created: {} monthly circulars, {} adjustments", issued, adjustments.all().size());
	}

	/** Waits until the assessment listeners have completed every publication of the demo (they run after commit). */
	private boolean ledgerComplete() {
		Instant until = Instant.now().plus(LEDGER_WAIT);
		while (Instant.now().isBefore(until)) {
			Integer open = jdbc.queryForObject("select count(*) from event_publication where completion_date is null "
					+ "and listener_id like '%assessment%'", Integer.class);
			if (open == null || open == 0) {
				return true;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return false;
	}

	private static Instant at(LocalDate day, int hour) {
		return day.atTime(hour, 0).atZone(TimeConfiguration.ZONE).toInstant();
	}

	private Optional<Long> unitId(String name) {
		return organization.activeUnits().stream().filter(unit -> unit.getName().equals(name)).map(Unit::getId).findFirst();
	}

	private Optional<AuthenticatedUser> user(String username) {
		try {
			return Optional.of((AuthenticatedUser) users.loadUserByUsername(username));
		}
		catch (UsernameNotFoundException | ClassCastException missing) {
			return Optional.empty();
		}
	}

	private static void as(AuthenticatedUser user) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

}
