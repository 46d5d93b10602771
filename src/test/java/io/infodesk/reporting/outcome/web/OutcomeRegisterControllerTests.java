package io.infodesk.reporting.outcome.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.infodesk.account.Role;
import io.infodesk.reporting.AdministrativeLevel;
import io.infodesk.reporting.outcome.AdoptionForm;
import io.infodesk.reporting.outcome.Adoptions;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.outcome.InstructionForm;
import io.infodesk.reporting.ReportingIntegrationTest;
import io.infodesk.reporting.solicitation.Solicitations;
import io.infodesk.reporting.outcome.SubmissionChannel;
import io.infodesk.reporting.outcome.SubmissionForm;
import io.infodesk.reporting.outcome.Submissions;
import io.infodesk.shared.security.AuthenticatedUser;

/** The registers of adoptions and leader instructions across items, with filters, scope and export (S3.1-d). */
class OutcomeRegisterControllerTests extends ReportingIntegrationTest {

	@Autowired
	Submissions submissions;

	@Autowired
	Adoptions adoptions;

	@Autowired
	Solicitations solicitations;

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	/** An item of 物业管理科 submitted to 区委办, adopted at city level, instructed on with feedback due in 3 days. */
	private InformationItem adoptedAndInstructed(String title) {
		InformationItem item = signedOff(title);
		AuthenticatedUser office = logIn("office");
		long body = solicitations.bodies().stream().filter(b -> b.getShortName().equals("区委办")).findFirst().orElseThrow().getId();
		submissions.record(item.getId(), new SubmissionForm(body, SubmissionChannel.PLATFORM,
				LocalDateTime.ofInstant(clock.instant(), clock.getZone()), null), office, scope());
		adoptions.recordAdoption(item.getId(), new AdoptionForm("=市《住建信息》", "第 45 期", AdministrativeLevel.CITY,
				LocalDate.now(clock), null), office, scope());
		adoptions.recordInstruction(item.getId(), new InstructionForm(AdministrativeLevel.PROVINCE, "副省长 某某",
				LocalDate.now(clock), "请总结推广", LocalDate.now(clock).plusDays(3)), office, scope());
		return item;
	}

	@Test
	void theAdoptionRegisterFiltersByLevelAndExportsWithFormulasNeutralised() throws Exception {
		String title = unique("采用登记");
		adoptedAndInstructed(title);
		Document page = page(get("/reporting/adoptions").param("keyword", title).param("level", "CITY")
			.with(as(user("office"))));
		assertThat(page.select("#adoptions tbody tr")).singleElement()
			.satisfies(row -> assertThat(row.text()).contains(title, "物业管理科", "=市《住建信息》", "市级"));
		Document none = page(get("/reporting/adoptions").param("keyword", title).param("level", "PROVINCE")
			.header("HX-Request", "true").with(as(user("office"))));
		assertThat(none.select("form.filter-bar")).isEmpty();
		assertThat(none.select("#adoptions tbody td[colspan]")).hasSize(1);

		byte[] xlsx = mvc.perform(get("/reporting/adoptions/export").param("keyword", title).with(as(user("office"))))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("采用刊物或载体");
			assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("'=市《住建信息》");
		}
	}

	/**
	 * A unit-scoped user's adoption register: the adoptions of their units' items and of a joint item they
	 * co-authored in another unit (looked up first, issue 16), none of that unit's other items; the unit filter keeps
	 * to the same visibility.
	 */
	@Test
	void theAdoptionRegisterOfAUnitUserShowsTheirJointItemsOfAnotherUnit() throws Exception {
		String marker = unique("联合采用");
		InformationItem own = adoptedAndInstructed(marker + "本科稿");
		long lv = person("城建科", "吕国庆").getId();
		AuthenticatedUser publicist = logIn("publicist");
		InformationItem joint = items.create(form(marker + "联合稿", "物业管理科",
				java.util.List.of(new io.infodesk.reporting.item.ItemForm.AuthorEntry(person("物业管理科", "赵雪").getId(), null),
						new io.infodesk.reporting.item.ItemForm.AuthorEntry(lv, null))),
				publicist, scope());
		verify(joint, "publicist");
		items.submitForReview(joint.getId(), user("publicist"), scope());
		approve(joint, "head");
		approve(joint, "office");
		approve(joint, "charge");
		AuthenticatedUser office = logIn("office");
		long body = solicitations.bodies().stream().filter(b -> b.getShortName().equals("区委办")).findFirst().orElseThrow().getId();
		submissions.record(joint.getId(), new SubmissionForm(body, SubmissionChannel.PLATFORM,
				LocalDateTime.ofInstant(clock.instant(), clock.getZone()), null), office, scope());
		adoptions.recordAdoption(joint.getId(), new AdoptionForm("区《住建动态》", "第 7 期", AdministrativeLevel.DISTRICT,
				LocalDate.now(clock), null), office, scope());

		AuthenticatedUser coAuthor = member("城建科", "吕国庆", Role.STAFF);
		Document page = page(get("/reporting/adoptions").param("keyword", marker).with(as(coAuthor)));
		assertThat(page.select("#adoptions tbody tr")).singleElement()
			.satisfies(row -> assertThat(row.text()).contains(joint.getTitle(), "物业管理科", "区《住建动态》"));
		Document ofThatUnit = page(get("/reporting/adoptions").param("keyword", marker)
			.param("unitId", String.valueOf(unitId("物业管理科"))).with(as(coAuthor)));
		assertThat(ofThatUnit.select("#adoptions tbody tr")).singleElement()
			.satisfies(row -> assertThat(row.text()).contains(joint.getTitle()).doesNotContain(own.getTitle()));
		Document ofOwnUnit = page(get("/reporting/adoptions").param("keyword", marker)
			.param("unitId", String.valueOf(unitId("城建科"))).with(as(coAuthor)));
		assertThat(ofOwnUnit.select("#adoptions tbody td[colspan]")).hasSize(1);
		// the unit's head sees both of the unit's adoptions, by the unit's items alone
		Document head = page(get("/reporting/adoptions").param("keyword", marker).with(as(user("head"))));
		assertThat(head.select("#adoptions tbody tr")).hasSize(2);
	}

	@Test
	void theInstructionRegisterShowsFeedbackStateAndKeepsToTheScope() throws Exception {
		String title = unique("批示登记");
		adoptedAndInstructed(title);
		Document page = page(get("/reporting/instructions").param("keyword", title).with(as(user("head"))));
		assertThat(page.select("#instructions tbody .instruction-feedback").text()).isEqualTo("待反馈");
		clock.advance(Duration.ofDays(4));
		Document later = page(get("/reporting/instructions").param("keyword", title).with(as(user("head"))));
		assertThat(later.select("#instructions tbody .instruction-feedback").text()).isEqualTo("逾期未反馈");
		assertThat(later.select("#instructions tbody tr").first().className()).contains("table-danger");

		AuthenticatedUser otherHead = member("城建科", "吕国庆", Role.UNIT_HEAD);
		Document outside = page(get("/reporting/instructions").param("keyword", title).with(as(otherHead)));
		assertThat(outside.select("#instructions tbody td[colspan]")).hasSize(1);
		byte[] xlsx = mvc.perform(get("/reporting/instructions/export").param("keyword", "副省长").param("level", "PROVINCE")
			.with(as(user("office")))).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isGreaterThanOrEqualTo(1);
			assertThat(workbook.getSheetAt(0).getRow(1).getCell(2).getStringCellValue()).isEqualTo("省级");
		}
	}

}
