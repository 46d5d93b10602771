package io.infodesk.organization.web;

import static io.infodesk.organization.ImportFiles.row;
import static io.infodesk.organization.ImportFiles.xlsx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import io.infodesk.account.Role;
import io.infodesk.organization.ImportFiles;
import io.infodesk.organization.OrgFixtures;
import io.infodesk.organization.OrganizationIntegrationTest;
import io.infodesk.organization.People;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;

@OrganizationIntegrationTest
class PersonImportControllerTests {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@Autowired
	MockMvc mvc;

	@Autowired
	People people;

	@Autowired
	OrgFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theFormNamesTheColumnsAndTheLimit() throws Exception {
		mvc.perform(get("/org/people/import").with(user(OrgFixtures.admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("姓名、单位、职务、手机号、是否党员、是否科级干部、是否网络评论员")))
			.andExpect(content().string(containsString("文件不超过 5 MB")))
			.andExpect(content().string(containsString("enctype=\"multipart/form-data\"")));
	}

	@Test
	void theTemplateDownloadsAsXlsxWithTheExpectedHeader() throws Exception {
		byte[] template = mvc.perform(get("/org/people/import/template").with(user(OrgFixtures.admin())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", XLSX))
			.andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			assertThat(workbook.getSheetAt(0).getRow(0).getCell(3).getStringCellValue()).isEqualTo("手机号");
			assertThat(workbook.getSheet("单位列表")).isNotNull();
		}
	}

	@Test
	void aGoodFileImportsEveryRow() throws Exception {
		Unit unit = fixtures.unit("物业管理科");
		long before = peopleCount();

		upload("good.xlsx", XLSX, xlsx(row("孙伟", unit.getName(), "科长", "13912345678", "是", "是", "否"),
				row("钱进", unit.getName(), "科员", "", "否", "否", "否")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("导入成功：共导入 2 人。")));

		assertThat(peopleCount()).isEqualTo(before + 2);
		assertThat(people.activeOf(unit.getId())).extracting(Person::getName).containsExactly("孙伟", "钱进");
	}

	@Test
	void wrongColumnsGiveAClearMessageAndImportNothing() throws Exception {
		Unit unit = fixtures.unit("办公室");
		long before = peopleCount();

		upload("wrong.xlsx", XLSX,
				ImportFiles.withHeaders(List.of("名字", "部门"), Arrays.<Object>asList("周敏", unit.getName())))
			.andExpect(content().string(containsString("导入未完成")))
			.andExpect(content().string(containsString("表头不正确：无法识别的列「名字」。模板的列应为：姓名、单位、职务")));

		assertThat(peopleCount()).isEqualTo(before);
	}

	@Test
	void badPhoneNumbersAreListedByRowAndNothingIsImported() throws Exception {
		Unit unit = fixtures.unit("城建科");
		long before = peopleCount();

		upload("phones.xlsx", XLSX, xlsx(row("吕国庆", unit.getName(), "科长", "13912345678", "是", "是", "否"),
				row("苏敏", unit.getName(), "副科长", "2345", "是", "是", "否")))
			.andExpect(content().string(containsString("第 3 行：手机号格式不正确")))
			.andExpect(content().string(not(containsString("第 2 行"))));

		assertThat(peopleCount()).isEqualTo(before);
	}

	@Test
	void duplicateNamesInOneUnitAreRefused() throws Exception {
		Unit unit = fixtures.unit("住房保障科");
		long before = peopleCount();

		upload("dup.xlsx", XLSX, xlsx(row("沈燕", unit.getName(), "", "", "", "", ""),
				row("沈燕", unit.getName(), "", "", "", "", "")))
			.andExpect(content().string(containsString("第 3 行：单位「" + unit.getName() + "」的姓名「沈燕」与第 2 行重复")));

		assertThat(peopleCount()).isEqualTo(before);
	}

	@Test
	void anEmptyFileIsRefused() throws Exception {
		long before = peopleCount();

		upload("empty.xlsx", XLSX, new byte[0]).andExpect(content().string(containsString("文件为空")));
		mvc.perform(multipart("/org/people/import").with(csrf()).with(user(OrgFixtures.admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("文件为空")));

		assertThat(peopleCount()).isEqualTo(before);
	}

	@Test
	void aNonExcelFileRenamedXlsxIsRefused() throws Exception {
		long before = peopleCount();

		upload("people.xlsx", XLSX, "姓名,单位\n张三,办公室\n".getBytes(StandardCharsets.UTF_8))
			.andExpect(content().string(containsString("文件不是有效的 Excel（.xlsx）文件")));

		assertThat(peopleCount()).isEqualTo(before);
	}

	@Test
	void aFiftyMegabyteFileIsRefusedWithAClearMessage() throws Exception {
		long before = peopleCount();
		byte[] fifty = new byte[50 * 1024 * 1024];
		byte[] start = xlsx(row("张三", "办公室", "", "", "", "", ""));
		System.arraycopy(start, 0, fifty, 0, start.length);

		upload("big.xlsx", XLSX, fifty).andExpect(status().isOk())
			.andExpect(content().string(containsString("文件过大：导入文件不能超过 5 MB，请拆分后分批导入")));

		assertThat(peopleCount()).isEqualTo(before);
	}

	@Test
	void importNeedsTheImportPermission() throws Exception {
		Unit unit = fixtures.unit("办公室");
		Person self = fixtures.person(unit, "周敏");
		long before = peopleCount();

		mvc.perform(get("/org/people/import").with(user(OrgFixtures.user("office", Role.OFFICE_EDITOR, self, unit))))
			.andExpect(status().isForbidden());
		mvc.perform(multipart("/org/people/import")
			.file(new MockMultipartFile("file", "x.xlsx", XLSX, xlsx(row("甲", unit.getName(), "", "", "", "", ""))))
			.with(csrf())
			.with(user(OrgFixtures.user("office", Role.OFFICE_EDITOR, self, unit)))).andExpect(status().isForbidden());

		assertThat(peopleCount()).isEqualTo(before);
	}

	private ResultActions upload(String name, String type, byte[] content) throws Exception {
		return mvc.perform(multipart("/org/people/import").file(new MockMultipartFile("file", name, type, content))
			.with(csrf())
			.with(user(OrgFixtures.user("personnel", Role.PERSONNEL, null, null))));
	}

	private long peopleCount() {
		return jdbc.queryForObject("select count(*) from org_person", Long.class);
	}

}
