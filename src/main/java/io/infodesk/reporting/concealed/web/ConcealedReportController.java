package io.infodesk.reporting.concealed.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.reporting.ConcealedKind;
import io.infodesk.reporting.ReportingException;
import io.infodesk.reporting.concealed.ConcealedReport;
import io.infodesk.reporting.concealed.ConcealedReportFilter;
import io.infodesk.reporting.concealed.ConcealedReportForm;
import io.infodesk.reporting.concealed.ConcealedReports;
import io.infodesk.reporting.web.Directory;
import io.infodesk.shared.web.FormErrors;
import io.infodesk.reporting.web.LenientBinding;
import io.infodesk.review.ReviewException;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.ListSupport;

/**
 * The office's register of missed and concealed reports (漏报 / 瞒报, scored by assessment): filter bar, table,
 * Excel export with the filters applied (within the data scope of the units), and the form to record one.
 */
@Controller
@RequestMapping("/reporting/concealed")
class ConcealedReportController {

	/** One record as the register shows and exports it. */
	record ConcealedRow(long id, String unit, String kind, LocalDate occurredOn, String subject, String reason,
			String recordedBy, boolean withdrawn, String status, String withdrawal) {

	}

	private static final String FORM = "reporting/concealed/concealedForm";

	private final ConcealedReports reports;

	private final Directory directory;

	private final DataScopes dataScopes;

	private final Texts texts;

	private final Clock clock;

	ConcealedReportController(ConcealedReports reports, Directory directory, DataScopes dataScopes,
			Texts texts, Clock clock) {
		this.reports = reports;
		this.directory = directory;
		this.dataScopes = dataScopes;
		this.texts = texts;
		this.clock = clock;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
		LenientBinding.register(binder, ConcealedKind.class);
	}

	@ModelAttribute("kinds")
	ConcealedKind[] kinds() {
		return ConcealedKind.values();
	}

	@GetMapping
	@PreAuthorize("hasAuthority('reporting:view')")
	String showRegister(@ModelAttribute("filter") ConcealedReportFilter filter,
			@RequestParam(defaultValue = "1") int page, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		DataScope scope = dataScopes.current();
		Page<ConcealedReport> result = reports.search(filter, scope, ListSupport.page(page));
		ListSupport.addPage(model, result, rows(result.getContent()),
				ListSupport.Links.of("/reporting/concealed", request));
		model.addAttribute("units", directory.unitsIn(scope));
		return ListSupport.view(request, response, "reporting/concealed/fragments :: concealedTable", "reporting/concealed/concealedList");
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('reporting:view')")
	ResponseEntity<byte[]> exportRegister(ConcealedReportFilter filter) {
		List<ConcealedRow> rows = rows(reports.list(filter, dataScopes.current()));
		List<ExcelExporter.Column<ConcealedRow>> columns = new ArrayList<>();
		columns.add(column("reporting.concealed.unit", ConcealedRow::unit));
		columns.add(column("reporting.concealed.kind", ConcealedRow::kind));
		columns.add(column("reporting.concealed.on", ConcealedRow::occurredOn));
		columns.add(column("reporting.concealed.subject", ConcealedRow::subject));
		columns.add(column("reporting.concealed.reason", ConcealedRow::reason));
		columns.add(column("reporting.concealed.recordedBy", ConcealedRow::recordedBy));
		columns.add(column("reporting.concealed.status", ConcealedRow::status));
		columns.add(column("reporting.concealed.withdrawReason", ConcealedRow::withdrawal));
		byte[] xlsx = ExcelExporter.withColumns(columns).export(texts.get("reporting.concealed.register"), rows);
		return ExcelDownload.of(texts.get("reporting.concealed.fileName", LocalDate.now(clock)), "concealed-reports.xlsx",
				xlsx);
	}

	@GetMapping("/new")
	@PreAuthorize("hasAuthority('reporting:adopt')")
	String initCreationForm(Model model) {
		model.addAttribute("concealedReportForm", ConcealedReportForm.blank(LocalDate.now(clock)));
		return showForm(model);
	}

	@PostMapping("/new")
	@PreAuthorize("hasAuthority('reporting:adopt')")
	String processCreationForm(@Valid @ModelAttribute("concealedReportForm") ConcealedReportForm concealedReportForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return showForm(model);
		}
		try {
			reports.record(concealedReportForm, CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get("reporting.concealed.recorded"));
			return "redirect:/reporting/concealed";
		}
		catch (ReportingException | ReviewException refused) {
			FormErrors.reject(result, refused);
			return showForm(model);
		}
	}

	@GetMapping("/{id}/withdraw")
	@PreAuthorize("hasAuthority('reporting:adopt')")
	String initWithdrawForm(@PathVariable long id, Model model) {
		return showWithdrawForm(visible(id), null, null, model);
	}

	@PostMapping("/{id}/withdraw")
	@PreAuthorize("hasAuthority('reporting:adopt')")
	String processWithdrawForm(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		ConcealedReport report = visible(id);
		try {
			reports.withdraw(report.getId(), reason, CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get("reporting.concealed.withdrawn"));
			return "redirect:/reporting/concealed";
		}
		catch (ReportingException | ReviewException refused) {
			return showWithdrawForm(report, reason, texts.get(refused.messageKey(), refused.args()), model);
		}
	}

	/** The record, if it exists and its unit is in the user's scope. */
	private ConcealedReport visible(long id) {
		ConcealedReport report = reports.get(id);
		dataScopes.check(report.getUnitId());
		return report;
	}

	private String showWithdrawForm(ConcealedReport report, String reason, String error, Model model) {
		model.addAttribute("row", rows(List.of(report)).get(0));
		model.addAttribute("reason", reason);
		model.addAttribute("error", error);
		return "reporting/concealed/concealedWithdraw";
	}

	private String showForm(Model model) {
		model.addAttribute("units", directory.unitsIn(DataScope.all()));
		return FORM;
	}

	private List<ConcealedRow> rows(List<ConcealedReport> list) {
		Map<Long, String> units = directory.unitNames();
		return list.stream()
			.map(report -> new ConcealedRow(report.getId(), units.get(report.getUnitId()),
					texts.get("reporting.concealed.kind." + report.getKind().name()), report.getOccurredOn(),
					report.getSubject(), report.getReason(), report.getRecordedByName(), report.isWithdrawn(),
					texts.get(report.isWithdrawn() ? "reporting.concealed.status.withdrawn"
							: "reporting.concealed.status.standing"),
					report.isWithdrawn() ? texts.get("reporting.concealed.withdrawnNote", report.getWithdrawnByName(),
							report.getWithdrawReason()) : ""))
			.toList();
	}

	private <T> ExcelExporter.Column<T> column(String key, Function<T, ?> value) {
		return ExcelExporter.Column.of(texts.get(key), value);
	}

}
