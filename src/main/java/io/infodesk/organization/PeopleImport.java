package io.infodesk.organization;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.audit.AuditTrail;
import io.infodesk.organization.internal.PersonRepository;
import io.infodesk.organization.internal.UnitRepository;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.excel.ExcelImportException;
import io.infodesk.shared.excel.ExcelReader;
import io.infodesk.shared.excel.ExcelSheet;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.text.Strings;
import io.infodesk.shared.text.Texts;

/**
 * Imports people from an XLSX (S2-a): every row is checked first (required name and unit, unit
 * exists, is active and in the user's scope, phone format, yes/no flags, names unique within the
 * unit both in the file and against the people already there); only when no row has a problem are
 * all rows saved, in one transaction, with one audit entry. Otherwise nothing is saved and each
 * problem is reported with its row number in Chinese.
 */
@Service
public class PeopleImport {

	public static final String NAME = "姓名";

	public static final String UNIT = "单位";

	public static final String POSITION = "职务";

	public static final String PHONE = "手机号";

	public static final String PARTY_MEMBER = "是否党员";

	public static final String SECTION_LEVEL_CADRE = "是否科级干部";

	public static final String ONLINE_COMMENTATOR = "是否网络评论员";

	public static final List<String> HEADERS = List.of(NAME, UNIT, POSITION, PHONE, PARTY_MEMBER, SECTION_LEVEL_CADRE,
			ONLINE_COMMENTATOR);

	/** The most row problems listed; the rest are counted. */
	static final int MAX_LISTED_PROBLEMS = 200;

	private static final Set<String> YES = Set.of("是", "Y", "y", "YES", "yes", "1", "√", "TRUE", "true");

	private static final Set<String> NO = Set.of("否", "", "N", "n", "NO", "no", "0", "×", "FALSE", "false");

	/** The outcome: how many people were imported, or the problems that stopped the import. */
	public record Result(int imported, List<String> problems) {

		public Result {
			problems = List.copyOf(problems);
		}

		public boolean succeeded() {
			return problems.isEmpty();
		}

	}

	private final ExcelReader reader;

	private final UnitRepository units;

	private final PersonRepository people;

	private final Validator validator;

	private final Texts texts;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PeopleImport(ExcelReader reader, UnitRepository units, PersonRepository people, Validator validator,
			Texts texts, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.reader = reader;
		this.units = units;
		this.people = people;
		this.validator = validator;
		this.texts = texts;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Checks and imports the uploaded file into the units within the scope; all rows or none.
	 * @param size the size the upload declares
	 */
	@Transactional
	public Result importPeople(long size, InputStreamSource file, String fileName, DataScope scope) {
		ExcelSheet sheet;
		try {
			sheet = reader.read(size, file, HEADERS);
		}
		catch (ExcelImportException ex) {
			return new Result(0, List.of(texts.get(ex.messageKey(), ex.args())));
		}
		Map<String, Unit> unitsByName = units.findAll()
			.stream()
			.collect(Collectors.toMap(Unit::getName, unit -> unit));
		List<String> problems = new ArrayList<>();
		List<PersonForm> forms = new ArrayList<>();
		Map<String, Integer> firstRowOf = new HashMap<>();
		for (ExcelSheet.Row row : sheet.rows()) {
			List<String> rowProblems = new ArrayList<>();
			PersonForm form = check(row, unitsByName, scope, rowProblems);
			if (form != null && rowProblems.isEmpty()) {
				String key = form.unitId() + "\n" + form.name();
				Integer first = firstRowOf.putIfAbsent(key, row.number());
				String unitName = row.get(UNIT);
				if (first != null) {
					rowProblems.add(texts.get("import.error.duplicateInFile", unitName, form.name(), String.valueOf(first)));
				}
				else if (!people.findByUnitIdAndName(form.unitId(), form.name()).isEmpty()) {
					rowProblems.add(texts.get("import.error.duplicateExisting", unitName, form.name()));
				}
			}
			rowProblems.forEach(problem -> problems.add(texts.get("import.rowProblem", String.valueOf(row.number()), problem)));
			forms.add(form);
		}
		if (!problems.isEmpty()) {
			return new Result(0, limited(problems));
		}
		save(forms, fileName, unitsByName);
		return new Result(forms.size(), List.of());
	}

	private void save(List<PersonForm> forms, String fileName, Map<String, Unit> unitsByName) {
		Instant now = Instant.now(clock);
		Map<Long, String> unitNames = unitsByName.values()
			.stream()
			.collect(Collectors.toMap(Unit::getId, Unit::getName));
		Map<Long, Integer> nextOrder = new HashMap<>();
		List<Person> saved = new ArrayList<>();
		for (PersonForm form : forms) {
			int order = nextOrder.computeIfAbsent(form.unitId(), unitId -> people
				.findByUnitIdOrderBySortOrderAscIdAsc(unitId)
				.stream()
				.mapToInt(Person::getSortOrder)
				.max()
				.orElse(0)) + 10;
			nextOrder.put(form.unitId(), order);
			Person person = new Person(form.name(), form.unitId(), now);
			person.setPosition(Strings.blankToNull(form.position()));
			person.setPhone(Strings.blankToNull(form.phone()));
			person.setPartyMember(form.partyMember());
			person.setSectionLevelCadre(form.sectionLevelCadre());
			person.setOnlineCommentator(form.onlineCommentator());
			person.setSortOrder(order);
			saved.add(people.save(person));
		}
		String names = saved.stream()
			.map(person -> person.getName() + "（" + unitNames.get(person.getUnitId()) + "）")
			.collect(Collectors.joining("、"));
		audit.record("PERSON_IMPORTED", "Person", null, "从文件「" + (fileName == null ? "" : fileName) + "」导入人员 "
				+ saved.size() + " 人：" + names);
		saved.forEach(person -> events.publishEvent(new PersonChanged(person.getId(), person.getUnitId(), true)));
	}

	private PersonForm check(ExcelSheet.Row row, Map<String, Unit> unitsByName, DataScope scope,
			List<String> problems) {
		String unitName = row.get(UNIT);
		Long unitId = null;
		if (!unitName.isEmpty()) {
			Unit unit = unitsByName.get(unitName);
			if (unit == null) {
				problems.add(texts.get("import.error.unitMissing", unitName));
			}
			else if (!unit.isActive()) {
				problems.add(texts.get("import.error.unitInactive", unitName));
			}
			else if (!scope.includes(unit.getId())) {
				problems.add(texts.get("import.error.unitOutOfScope", unitName));
			}
			else {
				unitId = unit.getId();
			}
		}
		Boolean partyMember = flag(row, PARTY_MEMBER, problems);
		Boolean cadre = flag(row, SECTION_LEVEL_CADRE, problems);
		Boolean commentator = flag(row, ONLINE_COMMENTATOR, problems);
		PersonForm form = new PersonForm(row.get(NAME), unitId, row.get(POSITION), row.get(PHONE),
				Boolean.TRUE.equals(partyMember), Boolean.TRUE.equals(cadre), Boolean.TRUE.equals(commentator), 0);
		for (ConstraintViolation<PersonForm> violation : validator.validate(form)) {
			if (violation.getPropertyPath().toString().equals("unitId") && !unitName.isEmpty()) {
				continue; // already reported: the unit named does not exist or is not allowed
			}
			problems.add(template(violation.getMessageTemplate()));
		}
		return form;
	}

	private Boolean flag(ExcelSheet.Row row, String header, List<String> problems) {
		String value = row.get(header);
		if (YES.contains(value)) {
			return true;
		}
		if (NO.contains(value)) {
			return false;
		}
		problems.add(texts.get("import.error.flag", header, value));
		return null;
	}

	/** The template: the expected header with one example row, and the unit names on a second sheet. */
	@Transactional(readOnly = true)
	public byte[] template() {
		List<Unit> active = units.findByActiveTrueOrderBySortOrderAscIdAsc();
		String exampleUnit = active.stream()
			.filter(unit -> unit.getType() != UnitType.LEADERSHIP)
			.map(Unit::getName)
			.findFirst()
			.orElse("办公室");
		List<ExcelExporter.Column<List<String>>> columns = IntStream.range(0, HEADERS.size())
			.mapToObj(i -> ExcelExporter.Column.<List<String>>of(HEADERS.get(i), row -> row.get(i)))
			.toList();
		List<String> example = List.of("张三", exampleUnit, "科员", "13912345678", "是", "否", "否");
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			ExcelExporter.withColumns(columns).addSheet(workbook, "人员", List.of(example));
			ExcelExporter.<Unit>withColumns(List.of(ExcelExporter.Column.of("单位名称", Unit::getName),
					ExcelExporter.Column.of("单位类型", unit -> Units.typeLabel(unit.getType()))))
				.addSheet(workbook, "单位列表", active);
			return ExcelExporter.toBytes(workbook);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private List<String> limited(List<String> problems) {
		if (problems.size() <= MAX_LISTED_PROBLEMS) {
			return problems;
		}
		List<String> listed = new ArrayList<>(problems.subList(0, MAX_LISTED_PROBLEMS));
		listed.add(texts.get("import.moreProblems", problems.size() - MAX_LISTED_PROBLEMS));
		return listed;
	}

	/** A Bean Validation message template "{key}" as Chinese text. */
	private String template(String messageTemplate) {
		String key = messageTemplate.startsWith("{") && messageTemplate.endsWith("}")
				? messageTemplate.substring(1, messageTemplate.length() - 1) : messageTemplate;
		return texts.get(key);
	}

}
