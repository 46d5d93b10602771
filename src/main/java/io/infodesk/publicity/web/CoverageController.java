package io.infodesk.publicity.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.core.io.Resource;
import org.springframework.data.domain.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;
import io.infodesk.publicity.AnnualPlan;
import io.infodesk.publicity.AnnualPlans;
import io.infodesk.publicity.Coverage;
import io.infodesk.publicity.CoverageForm;
import io.infodesk.publicity.Coverages;
import io.infodesk.publicity.MediaTier;
import io.infodesk.publicity.Outlet;
import io.infodesk.publicity.Outlets;
import io.infodesk.publicity.PublicityException;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.files.FileDownload;
import io.infodesk.shared.files.FileStore;
import io.infodesk.shared.files.Upload;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.FormErrors;
import io.infodesk.shared.web.ListSupport;

/**
 * The coverage register (见报、播出, S3.2-d): filter bar, table, Excel export with the filters applied (within the data
 * scope), a record's page with its evidence, and the form to record one with its clipping.
 */
@Controller
@RequestMapping("/publicity/coverage")
class CoverageController {

	/** One record as the register shows and exports it. */
	record CoverageRow(long id, LocalDate publishedOn, String outlet, String tier, String title, String link,
			String form, String placement, String credited, String units, String recordedBy) {

	}

	private static final String FORM = "publicity/coverageForm";

	private final Coverages coverages;

	private final Outlets outlets;

	private final Organization organization;

	private final FileStore files;

	private final DataScopes dataScopes;

	private final Texts texts;

	private final Clock clock;

	private final AnnualPlans plans;

	CoverageController(Coverages coverages, Outlets outlets, Organization organization, FileStore files,
			DataScopes dataScopes, Texts texts, Clock clock, AnnualPlans plans) {
		this.plans = plans;
		this.coverages = coverages;
		this.outlets = outlets;
		this.organization = organization;
		this.files = files;
		this.dataScopes = dataScopes;
		this.texts = texts;
		this.clock = clock;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@ModelAttribute("tiers")
	MediaTier[] tiers() {
		return MediaTier.values();
	}

	@GetMapping
	@PreAuthorize("hasAuthority('publicity:view')")
	String showRegister(@RequestParam(required = false) String keyword, @RequestParam(required = false) Long unitId,
			@RequestParam(required = false) MediaTier tier,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "1") int page, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		DataScope scope = dataScopes.current();
		Coverages.Filter filter = new Coverages.Filter(keyword, unitId, tier, from, to);
		Page<Coverage> result = coverages.search(filter, scope, ListSupport.page(page));
		ListSupport.addPage(model, result, rows(result.getContent()), ListSupport.Links.of("/publicity/coverage", request));
		model.addAttribute("filter", filter);
		model.addAttribute("units", units(scope));
		return ListSupport.view(request, response, "publicity/fragments :: coverageTable", "publicity/coverageList");
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('publicity:view')")
	ResponseEntity<byte[]> exportRegister(@RequestParam(required = false) String keyword,
			@RequestParam(required = false) Long unitId, @RequestParam(required = false) MediaTier tier,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		List<CoverageRow> rows = rows(coverages.list(new Coverages.Filter(keyword, unitId, tier, from, to),
				dataScopes.current()));
		List<ExcelExporter.Column<CoverageRow>> columns = new ArrayList<>();
		columns.add(column("publicity.coverage.on", CoverageRow::publishedOn));
		columns.add(column("publicity.coverage.outlet", CoverageRow::outlet));
		columns.add(column("publicity.tier", CoverageRow::tier));
		columns.add(column("publicity.coverage.title", CoverageRow::title));
		columns.add(column("publicity.coverage.link", CoverageRow::link));
		columns.add(column("publicity.coverage.form", CoverageRow::form));
		columns.add(column("publicity.coverage.placement", CoverageRow::placement));
		columns.add(column("publicity.coverage.credited", CoverageRow::credited));
		columns.add(column("publicity.coverage.units", CoverageRow::units));
		columns.add(column("publicity.coverage.recordedBy", CoverageRow::recordedBy));
		byte[] xlsx = ExcelExporter.withColumns(columns).export(texts.get("publicity.coverage.register"), rows);
		return ExcelDownload.of(texts.get("publicity.coverage.fileName", LocalDate.now(clock)), "coverage.xlsx", xlsx);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('publicity:view')")
	String showRecord(@PathVariable long id, Model model) {
		Coverage coverage = visible(id);
		model.addAttribute("row", rows(List.of(coverage)).get(0));
		model.addAttribute("coverage", coverage);
		return "publicity/coverageDetail";
	}

	@GetMapping("/{id}/evidence")
	@PreAuthorize("hasAuthority('publicity:view')")
	ResponseEntity<Resource> downloadEvidence(@PathVariable long id) {
		Coverage coverage = visible(id);
		return FileDownload.of(files.open(coverage.getEvidenceSha256()), coverage.getEvidenceName(),
				coverage.getEvidenceType(), coverage.getEvidenceSize());
	}

	@GetMapping("/new")
	@PreAuthorize("hasAuthority('publicity:coverage:record')")
	String initCreationForm(@RequestParam(required = false) String planPoint, Model model) {
		model.addAttribute("coverageForm", CoverageForm.blank(LocalDate.now(clock)));
		model.addAttribute("planPoint", planPoint);
		return showForm(model);
	}

	@PostMapping("/new")
	@PreAuthorize("hasAuthority('publicity:coverage:record')")
	String processCreationForm(@Valid @ModelAttribute("coverageForm") CoverageForm coverageForm, BindingResult result,
			@RequestParam(name = "evidence", required = false) MultipartFile evidence,
			@RequestParam(required = false) String planPoint, Model model, RedirectAttributes redirect) {
		model.addAttribute("planPoint", planPoint);
		if (result.hasErrors()) {
			return showForm(model);
		}
		try {
			Coverage coverage = coverages.record(coverageForm, Upload.of(evidence), planPoint, CurrentUser.require(),
					dataScopes.current());
			redirect.addFlashAttribute("flashSuccess", texts.get("publicity.coverage.recorded"));
			return "redirect:/publicity/coverage/" + coverage.getId();
		}
		catch (PublicityException refused) {
			FormErrors.reject(result, refused);
			return showForm(model);
		}
	}

	private Coverage visible(long id) {
		Coverage coverage = coverages.get(id);
		if (!Coverages.visible(coverage, dataScopes.current())) {
			// outside the data scope: as if it did not exist (nothing revealed)
			throw PublicityException.of("publicity.coverage.notFound", id);
		}
		return coverage;
	}

	private String showForm(Model model) {
		model.addAttribute("outlets", outlets.all().stream().filter(Outlet::isActive).toList());
		model.addAttribute("forms", Coverage.Form.values());
		model.addAttribute("placements", Coverage.Placement.values());
		Map<String, List<Person>> people = new LinkedHashMap<>();
		for (Unit unit : units(dataScopes.current())) {
			people.put(unit.getName(), organization.peopleOf(unit.getId()).stream().filter(Person::isActive).toList());
		}
		model.addAttribute("peopleByUnit", people);
		model.addAttribute("pointOptions", pointOptions(dataScopes.current()));
		return FORM;
	}

	/** A point of a plan of the scope the record may be linked to: "planId:position" and its label. */
	record PointOption(String value, String label) {

	}

	/** The points of this year's (and, in January, last year's) plans of the units in scope. */
	private List<PointOption> pointOptions(DataScope scope) {
		LocalDate today = LocalDate.now(clock);
		List<Integer> years = today.getMonthValue() == 1 ? List.of(today.getYear(), today.getYear() - 1)
				: List.of(today.getYear());
		List<PointOption> options = new ArrayList<>();
		for (int year : years) {
			for (AnnualPlan plan : plans.ofYear(year)) {
				if (!scope.includes(plan.getUnitId())) {
					continue;
				}
				String unit = organization.unit(plan.getUnitId()).map(Unit::getName).orElse("");
				List<AnnualPlan.Point> points = plan.getPoints();
				for (int i = 0; i < points.size(); i++) {
					options.add(new PointOption(plan.getId() + ":" + (i + 1), texts.get("publicity.calendar.planTitle",
							unit, points.get(i).getWork()) + "（" + plans.node(points.get(i)) + "）"));
				}
			}
		}
		return options;
	}

	private List<Unit> units(DataScope scope) {
		return organization.activeUnits().stream().filter(u -> scope.includes(u.getId())).toList();
	}

	private List<CoverageRow> rows(List<Coverage> list) {
		Map<Long, Outlet> byId = outlets.byId();
		Map<Long, String> unitNames = organization.activeUnits()
			.stream()
			.collect(Collectors.toMap(Unit::getId, Unit::getName));
		List<Long> personIds = list.stream().flatMap(c -> c.getCredits().stream()).map(Coverage.Credit::getPersonId)
			.distinct().toList();
		Map<Long, String> names = organization.people(personIds).stream()
			.collect(Collectors.toMap(Person::getId, Person::getName));
		return list.stream().map(c -> {
			Outlet outlet = byId.get(c.getOutletId());
			String credited = c.getCredits().stream()
				.map(cr -> names.getOrDefault(cr.getPersonId(), "") + (cr.getWeight() == null ? "" : " " + cr.getWeight() + "%"))
				.collect(Collectors.joining("、"));
			String units = c.unitIds().stream().map(u -> unitNames.getOrDefault(u, "")).collect(Collectors.joining("、"));
			return new CoverageRow(c.getId(), c.getPublishedOn(), outlet.getName(),
					texts.get("publicity.tier." + outlet.getTier()), c.getTitle(), c.getLink() == null ? "" : c.getLink(),
					texts.get("publicity.form." + c.getForm()), texts.get("publicity.placement." + c.getPlacement()),
					credited, units, c.getRecordedByName());
		}).toList();
	}

	private <T> ExcelExporter.Column<T> column(String key, Function<T, ?> value) {
		return ExcelExporter.Column.of(texts.get(key), value);
	}

}
