package io.infodesk.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.EnumSet;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import io.infodesk.account.AccountFixtures;
import io.infodesk.account.Accounts;
import io.infodesk.account.Role;
import io.infodesk.account.internal.AccountUserDetailsService;
import io.infodesk.audit.AuditTrail;
import io.infodesk.audit.MutableClock;
import io.infodesk.audit.MutableClockConfiguration;
import io.infodesk.shared.security.AuthenticatedUser;

/** The audit page: search, export, and "verify chain" finding a row altered in the database. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClockConfiguration.class)
class AuditControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountUserDetailsService users;

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	AccountFixtures fixtures;

	AuthenticatedUser admin;

	@BeforeEach
	void setUp() {
		clock.reset();
		fixtures = new AccountFixtures(accounts, users, jdbc);
		admin = fixtures.principal(fixtures.ready("auditor", Role.ADMIN).username());
	}

	@Test
	void aChangedRecordWhoseAuditRowIsAlteredInTheDatabaseIsReportedByVerifyChain() throws Exception {
		// change a record through the application
		String username = AccountFixtures.unique("victim");
		mvc.perform(post("/admin/users/new").with(user(admin)).with(csrf())
			.param("username", username)
			.param("displayName", "被查看的人")
			.param("roles", "STAFF"))
			.andExpect(redirectedUrl("/admin/users"));
		long seq = jdbc.queryForObject("select seq from audit_entry where action = 'ACCOUNT_CREATED' and summary like ?",
				Long.class, "%" + username + "%");
		mvc.perform(post("/admin/audit/verify").with(user(admin)).with(csrf()))
			.andExpect(redirectedUrl("/admin/audit"))
			.andExpect(flash().attribute("flashSuccess", containsString("审计链完整，共")));

		// alter its audit row behind the application's back
		String original = jdbc.queryForObject("select summary from audit_entry where seq = ?", String.class, seq);
		jdbc.update("update audit_entry set summary = ? where seq = ?", "创建账户 nobody", seq);
		try {
			long position = seq - jdbc.queryForObject("select anchor_seq from audit_chain_head", Long.class);
			mvc.perform(post("/admin/audit/verify").with(user(admin)).with(csrf()))
				.andExpect(redirectedUrl("/admin/audit"))
				.andExpect(flash().attribute("flashError", "第 " + position + " 条（序号 " + seq + "）记录被篡改"));
			assertThat(jdbc.queryForObject(
					"select outcome from audit_entry where action = 'AUDIT_VERIFIED' order by seq desc limit 1",
					String.class)).isEqualTo("FAILURE");
		}
		finally {
			jdbc.update("update audit_entry set summary = ? where seq = ?", original, seq);
		}
	}

	@Test
	void searchesByActionActorOutcomeEntityAndKeywordNewestFirst() throws Exception {
		String marker = AccountFixtures.unique("标记");
		trail.record("TEST_SEARCH", "Probe", 1, marker + " 第一条");
		trail.record("TEST_SEARCH", "Probe", 2, marker + " 第二条");
		String page = mvc.perform(get("/admin/audit").with(user(admin)).param("keyword", marker))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("共 2 条")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.indexOf(marker + " 第二条")).isLessThan(page.indexOf(marker + " 第一条"));
		mvc.perform(get("/admin/audit").with(user(admin)).param("keyword", marker).param("entityType", "Probe")
			.param("entityId", "2"))
			.andExpect(content().string(containsString("共 1 条")))
			.andExpect(content().string(not(containsString(marker + " 第一条"))));
		mvc.perform(get("/admin/audit").with(user(admin)).param("keyword", marker).param("outcome", "FAILURE"))
			.andExpect(content().string(containsString("共 0 条")));
		mvc.perform(get("/admin/audit").with(user(admin)).param("action", "TEST_SEARCH").param("actor", "system")
			.param("from", "2026-11-27").param("to", "2026-11-27").param("keyword", marker))
			.andExpect(content().string(containsString("共 2 条")));
		mvc.perform(get("/admin/audit").with(user(admin)).param("keyword", marker).param("from", "2026-11-28"))
			.andExpect(content().string(containsString("共 0 条")));
		mvc.perform(get("/admin/audit").with(user(admin)).param("keyword", marker).header("HX-Request", "true"))
			.andExpect(content().string(containsString("id=\"audit-table\"")))
			.andExpect(content().string(not(containsString("<html"))));
		// known actions carry Chinese labels in the filter and the table
		mvc.perform(get("/admin/audit").with(user(admin))).andExpect(content().string(containsString("创建账户")));
	}

	@Test
	void pagesNewestFirstWithOneBasedPageNumbersThatKeepTheFilter() throws Exception {
		String marker = AccountFixtures.unique("paging") + "-";
		for (int i = 1; i <= 23; i++) {
			trail.record("TEST_PAGING", "Probe", i, marker + String.format("%02d", i));
		}

		mvc.perform(get("/admin/audit").with(user(admin)).param("keyword", marker))
			.andExpect(content().string(containsString("共 23 条")))
			.andExpect(content().string(containsString(marker + "04<")))
			.andExpect(content().string(not(containsString(marker + "03<"))))
			.andExpect(content().string(containsString("/admin/audit?keyword=" + marker + "&amp;page=2")))
			.andExpect(content().string(containsString("/admin/audit/export?keyword=" + marker + "\"")));
		// the second page, as the pagination asks for it through htmx
		mvc.perform(get("/admin/audit").with(user(admin)).param("keyword", marker).param("page", "2")
			.header("HX-Request", "true"))
			.andExpect(header().stringValues("Vary", org.hamcrest.Matchers.hasItem("HX-Request")))
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(containsString(marker + "01<")))
			.andExpect(content().string(not(containsString(marker + "04<"))))
			.andExpect(content().string(containsString("/admin/audit?keyword=" + marker + "&amp;page=1")));
	}

	@Test
	void noAuditAdministratorReviewsTheirOwnTrail() throws Exception {
		AuthenticatedUser auditor = fixtures.principal(fixtures.ready("selfaudit", Role.AUDIT_ADMIN).username());
		AuthenticatedUser other = fixtures.principal(fixtures.ready("otheraudit", Role.AUDIT_ADMIN).username());
		// the auditor's own action: an export, audited under their name
		mvc.perform(get("/admin/audit/export").with(user(auditor)).param("keyword", "nothing-matches-this"))
			.andExpect(status().isOk());
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where actor = ?", Integer.class,
				auditor.getUsername())).isEqualTo(1);
		mvc.perform(get("/admin/audit").with(user(auditor)).param("actor", auditor.getUsername()))
			.andExpect(content().string(containsString("共 0 条")))
			.andExpect(content().string(containsString("不列出您本人的操作")));
		byte[] xlsx = mvc.perform(get("/admin/audit/export").with(user(auditor)).param("actor", auditor.getUsername()))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isZero();
		}
		// another audit administrator reads them
		mvc.perform(get("/admin/audit").with(user(other)).param("actor", auditor.getUsername()))
			.andExpect(content().string(containsString("共 2 条")));
	}

	@Test
	void exportsTheSearchAsXlsx() throws Exception {
		String marker = AccountFixtures.unique("导出");
		trail.record("TEST_EXPORT", "Probe", 1, "=1+1 " + marker);
		byte[] xlsx = mvc.perform(get("/admin/audit/export").with(user(admin)).param("keyword", marker))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString(".xlsx")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("序号");
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo("'=1+1 " + marker);
			assertThat(sheet.getRow(1).getCell(8).getStringCellValue()).isEqualTo("成功");
		}
	}

	@Test
	void onlyHoldersOfTheAuditPermissionsSeeOrVerifyTheTrail() throws Exception {
		for (Role role : EnumSet.complementOf(EnumSet.of(Role.ADMIN, Role.AUDIT_ADMIN))) {
			AuthenticatedUser other = fixtures.principal(fixtures.ready("a" + role.name().toLowerCase(), role).username());
			mvc.perform(get("/admin/audit").with(user(other))).andExpect(status().isForbidden());
			mvc.perform(get("/admin/audit/export").with(user(other))).andExpect(status().isForbidden());
			mvc.perform(post("/admin/audit/verify").with(user(other)).with(csrf())).andExpect(status().isForbidden());
		}
		mvc.perform(get("/admin/audit").accept("text/html")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/admin/audit")).andExpect(status().isUnauthorized());
	}

	@Test
	void entriesCannotBeChangedFromTheWeb() throws Exception {
		long seq = jdbc.queryForObject("select max(seq) from audit_entry", Long.class);
		String before = jdbc.queryForObject("select summary from audit_entry where seq = ?", String.class, seq);
		for (String path : new String[] { "/admin/audit/" + seq, "/admin/audit/" + seq + "/edit",
				"/admin/audit/" + seq + "/delete" }) {
			int status = mvc.perform(post(path).with(user(admin)).with(csrf()).param("summary", "x"))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as(path).isIn(404, 405);
		}
		assertThat(jdbc.queryForObject("select summary from audit_entry where seq = ?", String.class, seq))
			.isEqualTo(before);
	}

}
