package io.infodesk.publicity.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Unit;
import io.infodesk.publicity.AnnualPlan;
import io.infodesk.publicity.AnnualPlans;
import io.infodesk.publicity.Coverage;
import io.infodesk.publicity.MediaTier;
import io.infodesk.publicity.PlanForm;
import io.infodesk.publicity.PublicityException;
import io.infodesk.shared.docx.DocumentTable;
import io.infodesk.shared.docx.OfficialDocument;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;

/**
 * Annual publicity key-point plans (S3.2-a): the year's filing status of every unit of the scope (filed, submitted,
 * returned, draft, missing; overdue after the deadline) with the deadline 组织人事科 edits and the Excel export; a unit's
 * plan with its points form, submit / file / return, its revisions with their diffs, and the plan as DOCX.
 */
@Controller
@RequestMapping("/publicity/plans")
class PlanController {

	/** One unit's line of the status table, as shown and exported. */
	record StatusRow(long unitId, String unit, String state, String stateCode, int points, int revision,
			String submitted, String decided, String comment, boolean overdue) {

	}

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final AnnualPlans plans;

	private final Organization organization;

	private final DataScopes dataScopes;

	private final Texts texts;

	private final Clock clock;

	private final io.infodesk.publicity.FollowThrough followThrough;

	private final io.infodesk.publicity.Topics topics;

	private final io.infodesk.publicity.Coverages coverages;

	PlanController(AnnualPlans plans, Organization organization, DataScopes dataScopes, Texts texts, Clock clock,
			io.infodesk.publicity.FollowThrough followThrough, io.infodesk.publicity.Topics topics,
			io.infodesk.publicity.Coverages coverages) {
		this.followThrough = followThrough;
		this.topics = topics;
		this.coverages = coverages;
		this.plans = plans;
		this.organization = organization;
		this.dataScopes = dataScopes;
		this.texts = texts;
		this.clock = clock;
	}

	@ModelAttribute("tiers")
	MediaTier[] tiers() {
		return MediaTier.values();
	}

	@ModelAttribute("forms")
	Coverage.Form[] forms() {
		return Coverage.Form.values();
	}

	@GetMapping
	@PreAuthorize("hasAuthority('publicity:view')")
	String showStatus(@RequestParam(required = false) Integer year, Model model) {
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		List<StatusRow> rows = rows(y);
		model.addAttribute("year", y);
		model.addAttribute("rows", rows);
		model.addAttribute("deadline", plans.deadline(y));
		model.addAttribute("filedCount", rows.stream().filter(r -> r.stateCode().equals("FILED")).count());
		model.addAttribute("overdueCount", rows.stream().filter(StatusRow::overdue).count());
		return "publicity/planStatus";
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('publicity:view')")
	ResponseEntity<byte[]> exportStatus(@RequestParam(required = false) Integer year) {
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		List<ExcelExporter.Column<StatusRow>> columns = new ArrayList<>();
		columns.add(ExcelExporter.Column.of(texts.get("publicity.plan.unit"), StatusRow::unit));
		columns.add(ExcelExporter.Column.of(texts.get("publicity.plan.state"), StatusRow::state));
		columns.add(ExcelExporter.Column.of(texts.get("publicity.plan.overdue"),
				r -> r.overdue() ? texts.get("publicity.plan.overdue.yes") : ""));
		columns.add(ExcelExporter.Column.of(texts.get("publicity.plan.points"), StatusRow::points));
		columns.add(ExcelExporter.Column.of(texts.get("publicity.plan.revision"), StatusRow::revision));
		columns.add(ExcelExporter.Column.of(texts.get("publicity.plan.submitted"), StatusRow::submitted));
		columns.add(ExcelExporter.Column.of(texts.get("publicity.plan.decided"), StatusRow::decided));
		columns.add(ExcelExporter.Column.of(texts.get("publicity.plan.comment"), StatusRow::comment));
		byte[] xlsx = ExcelExporter.withColumns(columns).export(texts.get("publicity.plan.status.title", y), rows(y));
		return ExcelDownload.of(texts.get("publicity.plan.status.fileName", y), "plan-status-" + y + ".xlsx", xlsx);
	}

	@PostMapping("/deadline")
	@PreAuthorize("hasAuthority('publicity:plan:file')")
	String processDeadline(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			RedirectAttributes redirect) {
		if (year == null) {
			year = LocalDate.now(clock).getYear();
		}
		try {
			plans.setDeadline(year, dueOn, CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get("publicity.plan.deadline.saved"));
		}
		catch (PublicityException refused) {
			redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.args()));
		}
		return "redirect:/publicity/plans?year=" + year;
	}

	@GetMapping("/{unitId}/{year}")
	@PreAuthorize("hasAuthority('publicity:view')")
	String showPlan(@PathVariable long unitId, @PathVariable int year, Model model) {
		Unit unit = visibleUnit(unitId);
		AnnualPlan plan = plans.find(unitId, year).orElse(null);
		if (!model.containsAttribute("planForm")) {
			model.addAttribute("planForm", PlanForm.of(plan, plan == null ? 5 : 3));
		}
		model.addAttribute("unit", unit);
		model.addAttribute("year", year);
		model.addAttribute("plan", plan);
		model.addAttribute("revisions", plan == null ? List.of() : plans.revisions(plan.getId()));
		model.addAttribute("progress", plan == null ? List.of() : followThrough.points(plan));
		model.addAttribute("unitCoverage", coverages.list(new io.infodesk.publicity.Coverages.Filter(null, unitId, null,
				LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)), dataScopes.current()));
		model.addAttribute("deadline", plans.deadline(year));
		return "publicity/planDetail";
	}

	@PostMapping("/{unitId}/{year}")
	@PreAuthorize("hasAuthority('publicity:plan:edit')")
	String processPlan(@PathVariable long unitId, @PathVariable int year, @ModelAttribute PlanForm planForm,
			RedirectAttributes redirect) {
		try {
			plans.save(unitId, year, planForm, CurrentUser.require(), dataScopes.current());
			redirect.addFlashAttribute("flashSuccess", texts.get("publicity.plan.saved"));
		}
		catch (PublicityException refused) {
			redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.args()));
			redirect.addFlashAttribute("planForm", planForm);
		}
		return redirectTo(unitId, year);
	}

	@PostMapping("/{unitId}/{year}/submit")
	@PreAuthorize("hasAuthority('publicity:plan:submit')")
	String processSubmit(@PathVariable long unitId, @PathVariable int year, RedirectAttributes redirect) {
		return act(unitId, year, redirect, "publicity.plan.submittedNote",
				plan -> plans.submit(plan.getId(), CurrentUser.require(), dataScopes.current()));
	}

	@PostMapping("/{unitId}/{year}/file")
	@PreAuthorize("hasAuthority('publicity:plan:file')")
	String processFile(@PathVariable long unitId, @PathVariable int year, RedirectAttributes redirect) {
		return act(unitId, year, redirect, "publicity.plan.filedNote", plan -> plans.file(plan.getId(), CurrentUser.require()));
	}

	@PostMapping("/{unitId}/{year}/return")
	@PreAuthorize("hasAuthority('publicity:plan:file')")
	String processReturn(@PathVariable long unitId, @PathVariable int year,
			@RequestParam(required = false) String comment, RedirectAttributes redirect) {
		return act(unitId, year, redirect, "publicity.plan.returnedNote",
				plan -> plans.returnPlan(plan.getId(), comment, CurrentUser.require()));
	}

	@PostMapping("/{unitId}/{year}/points/{position}/coverage")
	@PreAuthorize("hasAuthority('publicity:coverage:record')")
	String processPointCoverage(@PathVariable long unitId, @PathVariable int year, @PathVariable int position,
			@RequestParam(required = false) Long coverageId, RedirectAttributes redirect) {
		return act(unitId, year, redirect, "publicity.plan.pointCovered", plan -> topics.linkPointCoverage(plan.getId(),
				position, coverageId, CurrentUser.require(), dataScopes.current()));
	}

	@GetMapping("/{unitId}/{year}/docx")
	@PreAuthorize("hasAuthority('publicity:view')")
	ResponseEntity<byte[]> downloadPlan(@PathVariable long unitId, @PathVariable int year) {
		Unit unit = visibleUnit(unitId);
		AnnualPlan plan = plans.find(unitId, year)
			.orElseThrow(() -> PublicityException.of("publicity.plan.notFound", unitId));
		List<List<String>> rows = new ArrayList<>();
		int n = 0;
		for (AnnualPlan.Point p : plan.getPoints()) {
			rows.add(List.of(Integer.toString(++n), p.getWork(), texts.get("publicity.form." + p.getForm()),
					texts.get("publicity.tier." + p.getTargetTier()), plans.node(p)));
		}
		byte[] docx = OfficialDocument.builder()
			.title(texts.get("publicity.plan.docTitle", unit.getName(), year))
			.paragraph(texts.get("publicity.plan.docIntro", unit.getName(), year, plan.getPoints().size()))
			.table(DocumentTable.of(List.of(texts.get("publicity.plan.no"), texts.get("publicity.plan.work"),
					texts.get("publicity.plan.form"), texts.get("publicity.plan.tier"), texts.get("publicity.plan.node")),
					rows).withWidths(1, 6, 2, 2, 2))
			.unsealedSignature(unit.getName(), LocalDate.now(clock))
			.build()
			.toBytes();
		String name = texts.get("publicity.plan.docFileName", unit.getName(), year);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"plan-" + year + ".docx\"; filename*=UTF-8''"
					+ java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
			.body(docx);
	}

	private String act(long unitId, int year, RedirectAttributes redirect, String doneKey,
			java.util.function.Consumer<AnnualPlan> action) {
		try {
			visibleUnit(unitId);
			AnnualPlan plan = plans.find(unitId, year)
				.orElseThrow(() -> PublicityException.of("publicity.plan.notFound", unitId));
			action.accept(plan);
			redirect.addFlashAttribute("flashSuccess", texts.get(doneKey));
		}
		catch (PublicityException refused) {
			redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.args()));
		}
		return redirectTo(unitId, year);
	}

	private static String redirectTo(long unitId, int year) {
		return "redirect:/publicity/plans/" + unitId + "/" + year;
	}

	/** The unit if active and in the scope; otherwise as if it did not exist. */
	private Unit visibleUnit(long unitId) {
		DataScope scope = dataScopes.current();
		return organization.unit(unitId)
			.filter(u -> u.isActive() && scope.includes(u.getId()))
			.orElseThrow(() -> PublicityException.of("publicity.plan.notFound", unitId));
	}

	private List<StatusRow> rows(int year) {
		return plans.status(year, dataScopes.current()).stream().map(line -> {
			AnnualPlan p = line.plan();
			return new StatusRow(line.unit().getId(), line.unit().getName(),
					texts.get("publicity.plan.state." + line.state()), line.state().name(),
					p == null ? 0 : p.getPoints().size(), p == null ? 0 : p.getRevision(),
					p == null || p.getSubmittedAt() == null ? ""
							: DATE_TIME.format(p.getSubmittedAt().atZone(clock.getZone())) + " " + p.getSubmittedByName(),
					p == null || p.getDecidedAt() == null ? ""
							: DATE_TIME.format(p.getDecidedAt().atZone(clock.getZone())) + " " + p.getDecidedByName(),
					p == null || p.getDecisionComment() == null ? "" : p.getDecisionComment(), line.overdue());
		}).toList();
	}

}
