package io.infodesk.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import io.infodesk.account.Role;
import io.infodesk.assessment.AssessmentIntegrationTest;
import io.infodesk.assessment.Ledger;
import io.infodesk.assessment.LedgerEntry;
import io.infodesk.assessment.Period;
import io.infodesk.assessment.Rankings;
import io.infodesk.assessment.Recomputations;
import io.infodesk.assessment.ScoreKind;
import io.infodesk.assessment.SourceTypes;
import io.infodesk.shared.files.Upload;
import io.infodesk.shared.security.AuthenticatedUser;

/**
 * A paper competition end to end on the demo application: submissions refused outside the window or when not DOCX /
 * PDF, blind review (every page and download a judge reaches is walked and holds no author or unit), a judge kept
 * from the own unit's papers, scores out of range refused, awards proposed and published, PAPER_AWARD points in the
 * ledger and the ranking (and the recomputation agreeing), the certificate DOCX.
 */
class PaperCompetitionTests extends AssessmentIntegrationTest {

	@Autowired
	Competitions competitions;

	@Autowired
	Rankings rankings;

	@Autowired
	Recomputations recomputations;

	AuthenticatedUser office() {
		return logIn("office");
	}

	Competition openCompetition(String title, List<AuthenticatedUser> judges) {
		LocalDate today = LocalDate.now(clock);
		CompetitionForm form = CompetitionForm.blank(today);
		form = new CompetitionForm(title, "围绕住建领域重点难点问题开展调研", "局机关各科室、局属各单位干部职工", today,
				today.plusDays(10), today.plusDays(20), BigDecimal.valueOf(20), form.criterionNames(),
				form.criterionWeights(), 1, 1, 1, judges.stream().map(AuthenticatedUser::personId).toList());
		return competitions.open(form, office());
	}

	static Upload upload(String name, byte[] bytes) {
		return new Upload(name, bytes.length, new ByteArrayResource(bytes));
	}

	Map<Long, BigDecimal> sheet(Competition competition, String... points) {
		Map<Long, BigDecimal> sheet = new LinkedHashMap<>();
		for (int i = 0; i < points.length; i++) {
			sheet.put(competition.criteria().get(i).id(), new BigDecimal(points[i]));
		}
		return sheet;
	}

	@Test
	void aCompetitionRunsBlindFromSubmissionToLedgerAndRanking() throws Exception {
		AuthenticatedUser zhao = member("物业管理科", "赵雪", Role.PUBLICIST);
		AuthenticatedUser cao = member("房地产市场监管科", "曹阳", Role.PUBLICIST);
		AuthenticatedUser lin = member("办公室", "林小燕", Role.STAFF);
		AuthenticatedUser zhu = member("组织人事科", "朱晨", Role.PUBLICIST);
		AuthenticatedUser liang = member("计划财务科", "梁爽", Role.PUBLICIST);
		AuthenticatedUser deng = member("物业管理科", "邓文", Role.STAFF);
		List<AuthenticatedUser> judges = List.of(lin, zhu, liang, deng);
		Competition competition = openCompetition(unique("2026年度调研论文评比"), judges);
		assertThat(competition.criteria()).extracting(Competition.Criterion::weight).containsExactly(30, 30, 30, 10);

		// a picture is not a paper; nothing saved
		assertThatThrownBy(() -> competitions.submit(competition.id(), "题目", upload("x.docx",
				io.infodesk.shared.files.TestFiles.png()), zhao))
			.isInstanceOf(ResearchException.class)
			.extracting(ex -> ((ResearchException) ex).messageKey())
			.isEqualTo("research.paper.file.type");
		assertThat(competitions.papers(competition.id())).isEmpty();

		Paper zhaoPaper = competitions.submit(competition.id(), "关于老旧小区物业管理全覆盖的调研",
				upload("赵雪-物业管理科.docx", PaperFiles.docx("正文：老旧小区物业管理调研。", "赵雪", "物业管理科")), zhao);
		Paper caoPaper = competitions.submit(competition.id(), "房地产市场平稳健康发展的对策研究",
				upload("曹阳论文.pdf", PaperFiles.pdf("曹阳", "房地产市场监管科")), cao);
		assertThat(zhaoPaper.code()).startsWith("LW-").doesNotContain("赵");

		// after the window: refused, unless the office reopens (audited)
		clock.set(clock.instant().plus(java.time.Duration.ofDays(11)));
		assertThatThrownBy(() -> competitions.submit(competition.id(), "迟交的论文", upload("late.pdf",
				PaperFiles.pdf("钱进", "物业管理科")), zhao))
			.extracting(ex -> ((ResearchException) ex).messageKey())
			.isEqualTo("research.paper.windowClosed");
		clock.reset();

		competitions.startJudging(competition.id(), office());
		assertThatThrownBy(() -> competitions.submit(competition.id(), "评审中提交", upload("x.pdf",
				PaperFiles.pdf("钱进", "物业管理科")), zhao))
			.extracting(ex -> ((ResearchException) ex).messageKey())
			.isEqualTo("research.paper.windowClosed");

		// every page and download a judge reaches, before publication: no author, no unit of another
		for (AuthenticatedUser judge : judges) {
			Set<String> forbidden = new HashSet<>(Set.of("赵雪", "曹阳", "房地产市场监管科", "物业管理科"));
			forbidden.remove(judge.unitName());
			walkAsJudge(judge, competition, forbidden);
		}

		// 邓文 (物业管理科) is not given 赵雪's paper and cannot score it
		assertThat(competitions.papersToJudge(competition.id(), deng)).extracting(BlindPaper::code)
			.containsExactly(caoPaper.code());
		assertThatThrownBy(() -> competitions.score(zhaoPaper.id(), sheet(competition, "30", "30", "30", "10"), deng))
			.extracting(ex -> ((ResearchException) ex).messageKey())
			.isEqualTo("research.score.ownUnit");
		mvc.perform(get("/research/judging/papers/" + zhaoPaper.id() + "/file").with(as(deng)))
			.andExpect(status().isForbidden());

		// a score outside the criterion's range: refused in Chinese, nothing saved
		Competition.Criterion writing = competition.criteria().get(3);
		mvc.perform(post("/research/judging/papers/" + caoPaper.id()).with(as(lin)).with(csrf())
			.param("c" + competition.criteria().get(0).id(), "25")
			.param("c" + competition.criteria().get(1).id(), "25")
			.param("c" + competition.criteria().get(2).id(), "25")
			.param("c" + writing.id(), "12"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("“文字表达”的分数应在 0 至 10 之间")));
		assertThat(competitions.myScores(caoPaper.id(), lin.personId())).isEmpty();

		competitions.score(zhaoPaper.id(), sheet(competition, "28", "27", "26", "9"), lin);
		competitions.score(zhaoPaper.id(), sheet(competition, "27", "27", "27", "9"), zhu);
		competitions.score(zhaoPaper.id(), sheet(competition, "26", "25", "27", "8"), liang);
		competitions.score(caoPaper.id(), sheet(competition, "20", "22", "21", "7"), lin);
		competitions.score(caoPaper.id(), sheet(competition, "25", "24", "26", "8"), zhu);
		competitions.score(caoPaper.id(), sheet(competition, "15", "14", "16", "5"), liang);
		competitions.score(caoPaper.id(), sheet(competition, "24", "23", "22", "8"), deng);

		List<Paper> proposed = competitions.propose(competition.id(), office());
		Paper first = proposed.stream().filter(p -> p.id() == zhaoPaper.id()).findFirst().orElseThrow();
		Paper second = proposed.stream().filter(p -> p.id() == caoPaper.id()).findFirst().orElseThrow();
		// (90 + 90 + 86) / 3 = 88.67; (70 + 83 + 50 + 77) / 4 = 70, spread 33 > 20: flagged
		assertThat(first.finalScore()).isEqualByComparingTo("88.67");
		assertThat(first.proposedRank()).isEqualTo(AwardRank.FIRST);
		assertThat(second.finalScore()).isEqualByComparingTo("70");
		assertThat(second.flagged()).isTrue();
		assertThat(second.proposedRank()).isEqualTo(AwardRank.SECOND);
		assertThatThrownBy(() -> competitions.score(caoPaper.id(), sheet(competition, "1", "1", "1", "1"), lin))
			.extracting(ex -> ((ResearchException) ex).messageKey())
			.isEqualTo("research.score.closed");

		// before publication the results are the office's: others see nothing and cannot export
		assertThat(competitions.results(competition.id())).isEmpty();
		mvc.perform(get("/research/competitions/" + competition.id() + "/results/export").with(as(cao)))
			.andExpect(status().isForbidden());
		walkAsJudge(lin, competition, Set.of("赵雪", "曹阳", "房地产市场监管科", "物业管理科"));

		competitions.publish(competition.id(), office());
		settle();
		LocalDate today = LocalDate.now(clock);
		List<LedgerEntry> unitEntries = ledger.entries(Ledger.EntryQuery.units(today, today).unit(unitId("物业管理科")))
			.stream()
			.filter(e -> e.sourceType().equals(SourceTypes.PAPER_AWARD) && e.sourceId().equals(Long.toString(zhaoPaper.id())))
			.toList();
		assertThat(unitEntries).singleElement().satisfies(e -> {
			assertThat(e.ruleKey()).isEqualTo("PAPER_AWARD:FIRST");
			assertThat(e.points()).isEqualByComparingTo("5");
		});
		assertThat(ledger.entries(Ledger.EntryQuery.persons(today, today).person(zhao.personId())))
			.filteredOn(e -> e.sourceType().equals(SourceTypes.PAPER_AWARD) && e.sourceId().equals(Long.toString(zhaoPaper.id())))
			.extracting(LedgerEntry::points)
			.containsExactly(new BigDecimal("5.00"));
		assertThat(ledger.entries(Ledger.EntryQuery.units(today, today).unit(unitId("房地产市场监管科"))))
			.filteredOn(e -> e.sourceType().equals(SourceTypes.PAPER_AWARD)
					&& e.sourceId().equals(Long.toString(caoPaper.id())))
			.extracting(LedgerEntry::ruleKey)
			.containsExactly("PAPER_AWARD:SECOND");
		Rankings.Standing standing = rankings.units(Period.year(today.getYear()))
			.stream()
			.filter(s -> s.unitId() == unitId("物业管理科"))
			.findFirst()
			.orElseThrow();
		assertThat(standing.category(ScoreKind.PAPER_AWARD)).isGreaterThanOrEqualTo(new BigDecimal("5"));
		assertThat(recomputations.preview(today, today).differences())
			.filteredOn(d -> d.toString().contains(SourceTypes.PAPER_AWARD))
			.isEmpty();

		// published: the results name authors and units; the author gets the certificate, another person does not
		mvc.perform(get("/research/competitions/" + competition.id()).with(as(cao)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("赵雪")));
		MvcResult certificate = mvc.perform(get("/research/papers/" + zhaoPaper.id() + "/certificate").with(as(zhao)))
			.andExpect(status().isOk())
			.andReturn();
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(certificate.getResponse().getContentAsByteArray()))) {
			String text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(document).getText();
			assertThat(text).contains("荣誉证书", "赵雪", "物业管理科", "关于老旧小区物业管理全覆盖的调研", "一等奖");
		}
		mvc.perform(get("/research/papers/" + zhaoPaper.id() + "/certificate").with(as(cao)))
			.andExpect(status().isForbidden());
	}

	/**
	 * Follows every link under /research from the judge's pages (GET only), the judge's notifications and the API's
	 * competitions and results, and checks each page, API response and download: no forbidden name in HTML or JSON,
	 * in any part of a DOCX, nor in a PDF's information, metadata or bytes.
	 */
	private void walkAsJudge(AuthenticatedUser judge, Competition competition, Set<String> forbidden) throws Exception {
		Deque<String> todo = new ArrayDeque<>(List.of("/research/judging", "/research/competitions",
				"/research/competitions/" + competition.id(), "/notifications", "/api/notifications",
				"/api/research/competitions", "/api/research/competitions/" + competition.id() + "/results"));
		Set<String> seen = new HashSet<>();
		int downloads = 0;
		while (!todo.isEmpty()) {
			String path = todo.poll();
			if (!seen.add(path)) {
				continue;
			}
			MvcResult result = mvc.perform(get(path).with(as(judge))).andReturn();
			int status = result.getResponse().getStatus();
			if (status == 403 || status == 302 || (status == 404 && path.startsWith("/api/research/competitions/"))) {
				// refused, or (the API's results) not published yet: nothing revealed
				continue;
			}
			assertThat(status).as(path).isEqualTo(200);
			String type = String.valueOf(result.getResponse().getContentType());
			byte[] body = result.getResponse().getContentAsByteArray();
			if (type.startsWith("application/json") || type.startsWith("application/problem+json")) {
				String json = new String(body, StandardCharsets.UTF_8);
				for (String name : forbidden) {
					assertThat(json).as("API %s as judge %s", path, judge.displayName()).doesNotContain(name);
				}
			}
			else if (type.startsWith("text/html")) {
				String html = new String(body, StandardCharsets.UTF_8);
				for (String name : forbidden) {
					assertThat(html).as("page %s as judge %s", path, judge.displayName()).doesNotContain(name);
				}
				for (org.jsoup.nodes.Element link : org.jsoup.Jsoup.parse(html).select("a[href]")) {
					String href = link.attr("href");
					// this competition's pages, the judging pages and the papers' downloads (other, published
					// competitions name their winners by design)
					String own = "/research/competitions/" + competition.id();
					if (href.startsWith("/research/judging") || href.startsWith("/research/papers/") || href.equals(own)
							|| href.startsWith(own + "/")) {
						todo.add(href);
					}
				}
			}
			else {
				downloads++;
				assertThat(result.getResponse().getHeader("Content-Disposition")).doesNotContain(forbidden.toArray(String[]::new));
				assertNoNames(body, forbidden, path);
			}
		}
		assertThat(downloads).as("blind copies downloaded by " + judge.displayName()).isPositive();
	}

	private static void assertNoNames(byte[] body, Set<String> forbidden, String path) throws Exception {
		if (body.length > 4 && body[0] == 'P' && body[1] == 'K') {
			try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
				ZipEntry entry;
				while ((entry = zip.getNextEntry()) != null) {
					String part = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
					for (String name : forbidden) {
						assertThat(part).as("%s part %s", path, entry.getName()).doesNotContain(name);
					}
				}
			}
		}
		else {
			try (PDDocument pdf = Loader.loadPDF(body)) {
				assertThat(pdf.getDocumentCatalog().getMetadata()).isNull();
				var info = pdf.getDocumentInformation();
				assertThat(info.getAuthor()).isNull();
				assertThat(info.getCreator()).isNull();
				assertThat(info.getSubject()).isNull();
			}
			for (String name : forbidden) {
				for (java.nio.charset.Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE)) {
					assertThat(indexOf(body, name.getBytes(charset))).as("%s holds %s", path, name).isNegative();
				}
			}
		}
	}

	private static int indexOf(byte[] data, byte[] pattern) {
		outer: for (int i = 0; i + pattern.length <= data.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/**
	 * Bad input around the windows (issue 15): a submission after the window is refused until the office reopens it
	 * (a reason required, audited); an excluded paper is not given to the judges and a score on it is refused; a score
	 * after the judging period is refused. Nothing is saved by a refusal.
	 */
	@Test
	void aLateSubmissionNeedsAnAuditedReopeningAndScoresOnAnExcludedPaperOrAfterTheJudgingPeriodAreRefused()
			throws Exception {
		AuthenticatedUser zhao = member("物业管理科", "赵雪", Role.PUBLICIST);
		AuthenticatedUser cao = member("房地产市场监管科", "曹阳", Role.PUBLICIST);
		AuthenticatedUser lin = member("办公室", "林小燕", Role.STAFF);
		Competition competition = openCompetition(unique("补交测试评比"), List.of(lin,
				member("组织人事科", "朱晨", Role.PUBLICIST), member("计划财务科", "梁爽", Role.PUBLICIST)));
		long id = competition.id();
		Paper caoPaper = competitions.submit(id, "房地产市场监测预警机制研究", upload("cao.pdf",
				PaperFiles.pdf("曹阳", "房地产市场监管科")), cao);
		try {
			clock.set(clock.instant().plus(java.time.Duration.ofDays(11)));
			assertThatThrownBy(() -> competitions.submit(id, "迟交的论文", upload("late.docx",
					PaperFiles.docx("正文", "赵雪", "物业管理科")), zhao))
				.extracting(ex -> ((ResearchException) ex).messageKey())
				.isEqualTo("research.paper.windowClosed");
			assertThat(competitions.papers(id)).hasSize(1);
			LocalDate today = LocalDate.now(clock);
			assertThatThrownBy(() -> competitions.reopen(id, today.plusDays(3), " ", office()))
				.extracting(ex -> ((ResearchException) ex).messageKey())
				.isEqualTo("research.competition.reopen.reason");
			assertThatThrownBy(() -> competitions.reopen(id, today.minusDays(1), "补交", office()))
				.extracting(ex -> ((ResearchException) ex).messageKey())
				.isEqualTo("research.competition.reopen.untilInvalid");
			assertThat(auditCount("PAPER_COMPETITION_REOPENED", id)).isZero();
			competitions.reopen(id, today.plusDays(3), "下乡调研延误，经分管领导同意补交", office());
			assertThat(auditCount("PAPER_COMPETITION_REOPENED", id)).isEqualTo(1);
			Paper late = competitions.submit(id, "补交的调研论文", upload("late.docx",
					PaperFiles.docx("正文", "赵雪", "物业管理科")), zhao);
			competitions.startJudging(id, office());

			competitions.exclude(late.id(), "超出参评范围", office());
			assertThat(competitions.papersToJudge(id, lin)).extracting(BlindPaper::code).containsExactly(caoPaper.code());
			assertThatThrownBy(() -> competitions.score(late.id(), sheet(competition, "20", "20", "20", "5"), lin))
				.extracting(ex -> ((ResearchException) ex).messageKey())
				.isEqualTo("research.score.excluded");
			assertThat(competitions.myScores(late.id(), lin.personId())).isEmpty();

			// the judging period ends 20 days after today's opening
			clock.set(clock.instant().plus(java.time.Duration.ofDays(10)));
			assertThatThrownBy(() -> competitions.score(caoPaper.id(), sheet(competition, "20", "20", "20", "5"), lin))
				.extracting(ex -> ((ResearchException) ex).messageKey())
				.isEqualTo("research.score.closed");
			assertThat(competitions.myScores(caoPaper.id(), lin.personId())).isEmpty();
		}
		finally {
			clock.reset();
		}
	}

	@Test
	void theOriginalKeepsItsPropertiesForTheOffice() throws Exception {
		AuthenticatedUser zhao = member("物业管理科", "赵雪", Role.PUBLICIST);
		Competition competition = openCompetition(unique("原件测试评比"), List.of(member("办公室", "林小燕", Role.STAFF),
				member("组织人事科", "朱晨", Role.PUBLICIST), member("计划财务科", "梁爽", Role.PUBLICIST)));
		Paper paper = competitions.submit(competition.id(), "原件题目",
				upload("p.docx", PaperFiles.docx("正文", "赵雪", "物业管理科")), zhao);
		byte[] original = mvc.perform(get("/research/papers/" + paper.id() + "/file").with(as(user("office"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(original))) {
			assertThat(document.getProperties().getCoreProperties().getCreator()).isEqualTo("赵雪");
		}
		// another publicist cannot download it
		mvc.perform(get("/research/papers/" + paper.id() + "/file").with(as(member("房地产市场监管科", "曹阳", Role.PUBLICIST))))
			.andExpect(status().isForbidden());
	}

}
