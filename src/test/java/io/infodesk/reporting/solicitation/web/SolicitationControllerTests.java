package io.infodesk.reporting.solicitation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDateTime;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.infodesk.reporting.ReportingIntegrationTest;
import io.infodesk.reporting.solicitation.Solicitations;

/** The solicitation pages (约稿, S3.1-c) and the directory of bodies. */
class SolicitationControllerTests extends ReportingIntegrationTest {

	@Autowired
	Solicitations solicitations;

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	private long body(String shortName) {
		return solicitations.bodies().stream().filter(b -> b.getShortName().equals(shortName)).findFirst().orElseThrow().getId();
	}

	private MockHttpServletRequestBuilder register(String topic, LocalDateTime deadline) {
		return post("/reporting/solicitations/new").with(csrf())
			.param("bodyId", String.valueOf(body("区政府办")))
			.param("topic", topic)
			.param("requirements", "=1+1 注明数据来源")
			.param("receivedOn", "2026-11-27")
			.param("deadline", deadline.toString())
			.param("unitIds", String.valueOf(unitId("物业管理科")), String.valueOf(unitId("住房保障科")))
			.param("ownerIds", String.valueOf(person("物业管理科", "赵雪").getId()))
			.with(as(user("office")));
	}

	@Test
	void officeRegistersASolicitationThatShowsAsDueSoonWithTimeLeft() throws Exception {
		String topic = unique("冬季供暖保障");
		String location = mvc.perform(register(topic, LocalDateTime.of(2026, 11, 28, 8, 30)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		Document detail = page(get(location).with(as(user("publicist"))));
		assertThat(detail.getElementById("solicitation-topic").text()).isEqualTo(topic);
		assertThat(detail.getElementById("solicitation-body").text()).isEqualTo("区政府办");
		assertThat(detail.getElementById("solicitation-status").text()).isEqualTo("24小时内到期");
		assertThat(detail.getElementById("solicitation-timing").text()).isEqualTo("剩余 23小时30分");
		assertThat(detail.getElementById("solicitation-answer").attr("href")).contains("/reporting/items/new?solicitationId=");

		Document list = page(get("/reporting/solicitations").with(as(user("head"))));
		assertThat(list.select("#due-soon-panel li a").eachText()).contains("区政府办 · " + topic);
		Document form = page(get(detail.getElementById("solicitation-answer").attr("href")).with(as(user("publicist"))));
		assertThat(form.select("#solicitationId option[selected]").text()).contains(topic);
	}

	@Test
	void missedSolicitationIsListedAsOverdueWithItsDelay() throws Exception {
		String topic = unique("逾期约稿");
		mvc.perform(register(topic, LocalDateTime.of(2026, 11, 27, 10, 0))).andExpect(status().is3xxRedirection());
		clock.advance(Duration.ofHours(3));
		Document list = page(get("/reporting/solicitations").param("state", "MISSED").with(as(user("office"))));
		assertThat(list.select("#overdue-panel li").text()).contains(topic, "逾期 2小时0分");
		assertThat(list.select("#solicitations td.solicitation-topic").eachText()).contains(topic);
		assertThat(list.select("#solicitations .solicitation-status").eachText()).containsOnly("逾期未报");
	}

	@Test
	void badInputStaysInTheFormWithChineseMessages() throws Exception {
		Document form = page(post("/reporting/solicitations/new").with(csrf())
			.param("bodyId", "")
			.param("topic", "")
			.param("receivedOn", "2026-11-27")
			.param("deadline", "2026-11-26T17:00")
			.with(as(user("office"))));
		assertThat(form.select(".invalid-feedback").eachText()).contains("请选择约稿单位", "请输入约稿主题");
		Document units = page(post("/reporting/solicitations/new").with(csrf())
			.param("bodyId", String.valueOf(body("区委办")))
			.param("topic", "没有落实单位")
			.param("receivedOn", "2026-11-27")
			.param("deadline", "2026-11-29T17:00")
			.with(as(user("office"))));
		assertThat(units.text()).contains("请至少选择一个落实单位");
		assertThat(units.getElementById("topic").val()).isEqualTo("没有落实单位");
	}

	@Test
	void anUnreadableDeadlineIsAnErrorNotACrash() throws Exception {
		Document form = page(post("/reporting/solicitations/new").with(csrf())
			.param("bodyId", String.valueOf(body("区委办")))
			.param("topic", "日期错误")
			.param("receivedOn", "2026-11-27")
			.param("deadline", "明天下午")
			.param("unitIds", String.valueOf(unitId("物业管理科")))
			.with(as(user("office"))));
		assertThat(form.getElementById("solicitation-form")).isNotNull();
		assertThat(form.select(".invalid-feedback").text()).isNotEmpty();
	}

	@Test
	void onlyTheOfficeRegistersAndTheListExportsWithFormulasNeutralised() throws Exception {
		mvc.perform(get("/reporting/solicitations/new").with(as(user("publicist")))).andExpect(status().isForbidden());
		String topic = "=HYPERLINK(\"x\")" + unique("导出");
		mvc.perform(register(topic, LocalDateTime.of(2026, 11, 30, 17, 0))).andExpect(status().is3xxRedirection());
		byte[] xlsx = mvc.perform(get("/reporting/solicitations/export").param("keyword", topic.substring(16))
			.with(as(user("office")))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("约稿单位");
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(1);
			assertThat(workbook.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo("'" + topic);
		}
	}

	@Test
	void directoryOfBodiesIsForSettingsHolders() throws Exception {
		mvc.perform(get("/reporting/bodies").with(as(user("head")))).andExpect(status().isForbidden());
		Document list = page(get("/reporting/bodies").with(as(user("admin"))));
		assertThat(list.select("#bodies tbody td:first-child").eachText()).contains("区委办", "区政府办", "市住建局");
		Document taken = page(post("/reporting/bodies/new").with(csrf())
			.param("name", "中共区委办公室")
			.param("shortName", unique("委办"))
			.param("level", "DISTRICT")
			.param("sortOrder", "5")
			.with(as(user("admin"))));
		assertThat(taken.select(".invalid-feedback").text()).isEqualTo("已有名为「中共区委办公室」的报送单位");
	}

}
