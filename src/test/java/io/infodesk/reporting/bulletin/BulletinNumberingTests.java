package io.infodesk.reporting.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import io.infodesk.reporting.ReportingIntegrationTest;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.review.DocumentRef;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;

/**
 * Numbers of bulletins under concurrency (issue 3 point 7): several issues of one periodical issued at the same
 * moment from several threads get the numbers 1…n, each once, without a gap; the unique index refuses a number
 * twice even when written around the service.
 */
class BulletinNumberingTests extends ReportingIntegrationTest {

	static final int ISSUES = 6;

	@Autowired
	Bulletins bulletins;

	@Autowired
	Periodicals periodicals;

	Periodical periodical() {
		return periodicals.create(new PeriodicalForm("并发刊物" + UUID.randomUUID().toString().substring(0, 6),
				"区住房和城乡建设局办公室", unitId("办公室"), null, null, 10, 0, true), logIn("office"));
	}

	Bulletin signed(Periodical periodical, InformationItem item) {
		Bulletin bulletin = bulletins.create(new BulletinForm(periodical.getId(), false, null, null, null, null, 10,
				List.of(item.getId()), Map.of(), 0), logIn("office"), DataScope.all());
		bulletins.submitForReview(bulletin.getId(), logIn("office"));
		reviewChains.approve(Bulletin.ref(bulletin.getId()), 1, 0, null, logIn("leader"));
		return bulletin;
	}

	@Test
	void issuesOfOnePeriodicalIssuedAtOnceGetConsecutiveNumbersEachOnce() throws Exception {
		InformationItem item = signedOff(unique("并发"));
		Periodical periodical = periodical();
		List<Long> ids = IntStream.range(0, ISSUES).mapToObj(i -> signed(periodical, item).getId()).toList();
		// warm the document writer up, so that the threads meet at the lock rather than at class loading
		bulletins.plainText(ids.get(0));
		AuthenticatedUser office = user("office");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(ISSUES);
		List<Future<Bulletin>> results = new ArrayList<>();
		try {
			for (Long id : ids) {
				results.add(pool.submit(() -> {
					SecurityContextHolder.getContext()
						.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(office, null,
								office.getAuthorities()));
					try {
						start.await();
						return bulletins.issue(id, office);
					}
					finally {
						SecurityContextHolder.clearContext();
					}
				}));
			}
			start.countDown();
			List<Integer> numbers = new ArrayList<>();
			List<Integer> totals = new ArrayList<>();
			for (Future<Bulletin> result : results) {
				Bulletin issued = result.get(60, TimeUnit.SECONDS);
				numbers.add(issued.getIssueNo());
				totals.add(issued.getTotalNo());
			}
			Collections.sort(numbers);
			Collections.sort(totals);
			List<Integer> expected = IntStream.rangeClosed(1, ISSUES).boxed().toList();
			assertThat(numbers).isEqualTo(expected);
			assertThat(totals).isEqualTo(expected);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(ids).allSatisfy(id -> {
			assertThat(bulletins.get(id).getStatus()).isEqualTo(BulletinStatus.ISSUED);
			assertThat(bulletins.file(id).getSha256()).hasSize(64);
			assertThat(auditCount("BULLETIN_ISSUED", id)).isEqualTo(1);
		});
	}

	@Test
	void theDatabaseRefusesANumberTwiceInAPeriodicalsYearAndSequence() {
		InformationItem item = signedOff(unique("唯一"));
		Periodical periodical = periodical();
		Bulletin first = signed(periodical, item);
		Bulletin second = signed(periodical, item);
		bulletins.issue(first.getId(), logIn("office"));
		assertThatThrownBy(() -> jdbc.update("update rpt_bulletin set issue_no = 1, issue_year = 2026 where id = ?",
				second.getId()))
			.isInstanceOf(DataIntegrityViolationException.class);
		// the same number as a supplement, or in another year, is another sequence
		jdbc.update("update rpt_bulletin set issue_no = 1, issue_year = 2025 where id = ?", second.getId());
		jdbc.update("update rpt_bulletin set issue_no = null, issue_year = 2026 where id = ?", second.getId());
		assertThatThrownBy(() -> jdbc.update("update rpt_bulletin set total_no = 1 where id = ?", second.getId()))
			.as("running numbers are unique per periodical too")
			.isInstanceOf(DataIntegrityViolationException.class);
	}

}
