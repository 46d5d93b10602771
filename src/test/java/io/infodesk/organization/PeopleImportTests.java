package io.infodesk.organization;

import static io.infodesk.organization.ImportFiles.row;
import static io.infodesk.organization.ImportFiles.xlsx;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;

import io.infodesk.shared.security.DataScope;

@OrganizationIntegrationTest
class PeopleImportTests {

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	People people;

	@Autowired
	OrgFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEvents events;

	@Test
	void importsEveryRowOfAGoodFileInOneAuditedStep() {
		Unit office = fixtures.unit("办公室");
		Unit property = fixtures.unit("物业管理科");
		long before = peopleCount();

		PeopleImport.Result result = importFile(xlsx(row("林小燕", office.getName(), "科员", 13812340001d, "是", "否", "是"),
				row("许诺", property.getName(), "科员", "0519-86301234", "否", "", ""),
				row("邓文", property.getName(), "副科长", "", "是", "是", "否")));

		assertThat(result.succeeded()).isTrue();
		assertThat(result.imported()).isEqualTo(3);
		assertThat(peopleCount()).isEqualTo(before + 3);
		Person lin = people.activeOf(office.getId()).get(0);
		assertThat(lin.getName()).isEqualTo("林小燕");
		assertThat(lin.getPhone()).isEqualTo("13812340001");
		assertThat(lin.isPartyMember()).isTrue();
		assertThat(lin.isOnlineCommentator()).isTrue();
		assertThat(people.activeOf(property.getId())).extracting(Person::getName).containsExactly("许诺", "邓文");
		assertThat(new AuditEntries(jdbc).withAction("PERSON_IMPORTED")).last()
			.satisfies(entry -> assertThat(entry.summary()).startsWith("从文件「人员.xlsx」导入人员 3 人：林小燕（"));
		assertThat(events.stream(PersonChanged.class)).hasSize(3);
	}

	@Test
	void badPhoneNumbersAreReportedByRowAndNothingIsImported() {
		Unit unit = fixtures.unit("城建科");
		long before = peopleCount();

		PeopleImport.Result result = importFile(xlsx(row("吕国庆", unit.getName(), "科长", "13912345678", "是", "是", "否"),
				row("苏敏", unit.getName(), "副科长", "1391234567", "是", "是", "否"),
				row("蒋涛", unit.getName(), "科员", "电话号码", "否", "否", "否")));

		assertThat(result.succeeded()).isFalse();
		assertThat(result.problems()).containsExactly("第 3 行：手机号格式不正确", "第 4 行：手机号格式不正确");
		assertThat(peopleCount()).isEqualTo(before);
	}

	@Test
	void reportsAMissingNameAnUnknownUnitAndABadFlag() {
		Unit unit = fixtures.unit("村镇建设科");
		long before = peopleCount();

		PeopleImport.Result result = importFile(xlsx(row("", unit.getName(), "科员", "", "是", "否", "否"),
				row("丁鹏", "不存在的科", "科员", "", "是", "否", "否"), row("魏琳", "", "科员", "", "是", "否", "否"),
				row("贾蓉", unit.getName(), "科员", "", "也许", "否", "否")));

		assertThat(result.problems()).containsExactly("第 2 行：姓名不能为空", "第 3 行：单位「不存在的科」不存在", "第 4 行：请选择单位",
				"第 5 行：「是否党员」应填写“是”或“否”，不能是「也许」");
		assertThat(peopleCount()).isEqualTo(before);
	}

	@Test
	void duplicateNamesInOneUnitAreRefusedWithinTheFileAndAgainstExistingPeople() {
		Unit unit = fixtures.unit("物业管理科");
		Unit other = fixtures.unit("住房保障科");
		fixtures.person(unit, "孙伟", "科长");
		long before = peopleCount();

		PeopleImport.Result result = importFile(xlsx(row("赵雪", unit.getName(), "科员", "", "是", "否", "否"),
				row("赵雪", other.getName(), "科员", "", "是", "否", "否"), row("赵雪", unit.getName(), "科员", "", "是", "否", "否"),
				row("孙伟", unit.getName(), "科长", "", "是", "是", "否")));

		assertThat(result.problems()).containsExactly(
				"第 4 行：单位「" + unit.getName() + "」的姓名「赵雪」与第 2 行重复",
				"第 5 行：单位「" + unit.getName() + "」已有名为「孙伟」的人员");
		assertThat(peopleCount()).isEqualTo(before);
	}

	@Test
	void wrongColumnsAreRefusedNamingTheExpectedColumns() {
		Unit unit = fixtures.unit("办公室");
		long before = peopleCount();

		PeopleImport.Result missing = importFile(
				ImportFiles.withHeaders(List.of("姓名", "单位", "职务"), List.<Object>of("何婷", unit.getName(), "科员")));
		PeopleImport.Result unknown = importFile(ImportFiles.withHeaders(List.of("名字", "单位", "职务", "手机号", "是否党员", "是否科级干部", "是否网络评论员"),
				List.<Object>of("何婷", unit.getName(), "科员", "", "是", "否", "否")));

		assertThat(missing.problems()).containsExactly("表头不正确：缺少列「手机号、是否党员、是否科级干部、是否网络评论员」。"
				+ "模板的列应为：姓名、单位、职务、手机号、是否党员、是否科级干部、是否网络评论员");
		assertThat(unknown.problems()).singleElement()
			.asString()
			.startsWith("表头不正确：无法识别的列「名字」。模板的列应为：姓名、单位、职务");
		assertThat(peopleCount()).isEqualTo(before);
	}

	@Test
	void anEmptyFileAFileWithoutRowsAndANonExcelFileAreRefused() {
		long before = peopleCount();

		assertThat(importFile(new byte[0]).problems()).containsExactly("文件为空，请选择填好的 Excel 文件");
		assertThat(importFile(xlsx()).problems()).containsExactly("文件中没有数据行，请在表头下方填写人员信息");
		assertThat(importFile("姓名,单位\n张三,办公室\n".getBytes(StandardCharsets.UTF_8)).problems())
			.containsExactly("文件不是有效的 Excel（.xlsx）文件，请使用导入模板填写后上传");
		assertThat(peopleCount()).isEqualTo(before);
	}

	@Test
	void aFileOverTheLimitIsRefusedBeforeItIsRead() {
		long before = peopleCount();

		PeopleImport.Result result = peopleImport.importPeople(50L * 1024 * 1024, () -> {
			throw new AssertionError("a file over the limit must not be read");
		}, "大文件.xlsx", DataScope.all());

		assertThat(result.problems()).containsExactly("文件过大：导入文件不能超过 5 MB，请拆分后分批导入");
		assertThat(peopleCount()).isEqualTo(before);
	}

	@Test
	void unitsOutsideTheScopeAreRefused() {
		Unit mine = fixtures.unit("物业管理科");
		Unit notMine = fixtures.unit("办公室");
		long before = peopleCount();
		byte[] file = xlsx(row("甲", mine.getName(), "", "", "", "", ""), row("乙", notMine.getName(), "", "", "", "", ""));

		PeopleImport.Result result = peopleImport.importPeople(file.length, () -> new ByteArrayInputStream(file),
				"人员.xlsx", DataScope.units(Set.of(mine.getId())));

		assertThat(result.problems()).containsExactly("第 3 行：无权向单位「" + notMine.getName() + "」导入人员");
		assertThat(peopleCount()).isEqualTo(before);
	}

	@Test
	void manyProblemsAreListedUpToALimit() {
		Unit unit = fixtures.unit("质量安全监督站", UnitType.INSTITUTION);
		List<List<Object>> rows = new ArrayList<>();
		for (int i = 0; i < PeopleImport.MAX_LISTED_PROBLEMS + 5; i++) {
			rows.add(row("监督员" + i, unit.getName(), "", "123", "", "", ""));
		}

		@SuppressWarnings("unchecked")
		PeopleImport.Result result = importFile(xlsx(rows.toArray(new List[0])));

		assertThat(result.problems()).hasSize(PeopleImport.MAX_LISTED_PROBLEMS + 1);
		assertThat(result.problems().get(PeopleImport.MAX_LISTED_PROBLEMS)).isEqualTo("另有 5 处问题未列出");
		assertThat(result.problems().get(0)).isEqualTo("第 2 行：手机号格式不正确");
	}

	@Test
	void theTemplateHasTheExpectedHeaderAnExampleRowAndTheUnitNames() throws IOException {
		Unit unit = fixtures.unit("建筑业管理科");

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(peopleImport.template()))) {
			Sheet people = workbook.getSheetAt(0);
			List<String> header = new ArrayList<>();
			people.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
			assertThat(header).isEqualTo(PeopleImport.HEADERS);
			assertThat(people.getRow(1).getCell(0).getStringCellValue()).isEqualTo("张三");
			assertThat(people.getLastRowNum()).isEqualTo(1);
			Sheet units = workbook.getSheet("单位列表");
			List<String> names = new ArrayList<>();
			units.forEach(row -> names.add(row.getCell(0).getStringCellValue()));
			assertThat(names).contains("单位名称", unit.getName());
		}
	}

	private PeopleImport.Result importFile(byte[] content) {
		return peopleImport.importPeople(content.length, () -> new ByteArrayInputStream(content), "人员.xlsx",
				DataScope.all());
	}

	private long peopleCount() {
		return jdbc.queryForObject("select count(*) from org_person", Long.class);
	}

}
