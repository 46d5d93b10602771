package io.infodesk.reporting.outcome.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import io.infodesk.reporting.AdministrativeLevel;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.InformationItems;
import io.infodesk.reporting.item.ItemAuthor;
import io.infodesk.reporting.outcome.Adoption;
import io.infodesk.reporting.outcome.Adoptions;
import io.infodesk.reporting.outcome.LeaderInstruction;
import io.infodesk.reporting.outcome.OutcomeFilter;
import io.infodesk.reporting.web.Directory;
import io.infodesk.reporting.web.LenientBinding;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.ListSupport;

/**
 * The registers of adoptions (采用) and leader instructions (批示) across items (S3.1-d, issue 3 point 9):
 * filter bar, table, Excel export with the filters applied, within the data scope of the items.
 */
@Controller
class OutcomeRegisterController {

	/** One adoption with its item. */
	record AdoptionRow(long itemId, String title, String unit, String authors, String outlet, String issue,
			String level, LocalDate adoptedOn, String evidence) {

	}

	/** One instruction with its item and the state of its feedback. */
	record InstructionRow(long itemId, String title, String unit, String level, String leader, LocalDate instructedOn,
			String summary, LocalDate feedbackDue, String feedback, boolean overdue) {

	}

	private final Adoptions adoptions;

	private final InformationItems items;

	private final Directory directory;

	private final DataScopes dataScopes;

	private final Texts texts;

	private final Clock clock;

	OutcomeRegisterController(Adoptions adoptions, InformationItems items, Directory directory, DataScopes dataScopes,
			Texts texts, Clock clock) {
		this.adoptions = adoptions;
		this.items = items;
		this.directory = directory;
		this.dataScopes = dataScopes;
		this.texts = texts;
		this.clock = clock;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		LenientBinding.register(binder, AdministrativeLevel.class);
	}

	@ModelAttribute("levels")
	AdministrativeLevel[] levels() {
		return AdministrativeLevel.values();
	}

	@GetMapping("/reporting/adoptions")
	@PreAuthorize("hasAuthority('reporting:view')")
	String showAdoptions(@ModelAttribute("filter") OutcomeFilter filter, @RequestParam(defaultValue = "1") int page,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		DataScope scope = dataScopes.current();
		Page<Adoption> result = adoptions.searchAdoptions(filter, scope, CurrentUser.require(), ListSupport.page(page));
		ListSupport.addPage(model, result, adoptionRows(result.getContent()),
				ListSupport.Links.of("/reporting/adoptions", request));
		model.addAttribute("units", directory.unitsIn(scope));
		return ListSupport.view(request, response, "reporting/outcome/fragments :: adoptionTable", "reporting/outcome/adoptionList");
	}

	@GetMapping("/reporting/adoptions/export")
	@PreAuthorize("hasAuthority('reporting:view')")
	ResponseEntity<byte[]> exportAdoptions(OutcomeFilter filter) {
		List<AdoptionRow> rows = adoptionRows(adoptions.listAdoptions(filter, dataScopes.current(), CurrentUser.require()));
		List<ExcelExporter.Column<AdoptionRow>> columns = new ArrayList<>();
		columns.add(column("reporting.item.title", AdoptionRow::title));
		columns.add(column("reporting.item.unit", AdoptionRow::unit));
		columns.add(column("reporting.item.authors", AdoptionRow::authors));
		columns.add(column("reporting.adoption.outlet", AdoptionRow::outlet));
		columns.add(column("reporting.adoption.issue", AdoptionRow::issue));
		columns.add(column("reporting.adoption.level", AdoptionRow::level));
		columns.add(column("reporting.adoption.on", AdoptionRow::adoptedOn));
		columns.add(column("reporting.adoption.evidence", AdoptionRow::evidence));
		byte[] xlsx = ExcelExporter.withColumns(columns).export(texts.get("reporting.adoption.register"), rows);
		return ExcelDownload.of(texts.get("reporting.adoption.fileName", LocalDate.now(clock)), "adoptions.xlsx", xlsx);
	}

	@GetMapping("/reporting/instructions")
	@PreAuthorize("hasAuthority('reporting:view')")
	String showInstructions(@ModelAttribute("filter") OutcomeFilter filter, @RequestParam(defaultValue = "1") int page,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		DataScope scope = dataScopes.current();
		Page<LeaderInstruction> result = adoptions.searchInstructions(filter, scope, CurrentUser.require(),
				ListSupport.page(page));
		ListSupport.addPage(model, result, instructionRows(result.getContent()),
				ListSupport.Links.of("/reporting/instructions", request));
		model.addAttribute("units", directory.unitsIn(scope));
		return ListSupport.view(request, response, "reporting/outcome/fragments :: instructionTable",
				"reporting/outcome/instructionList");
	}

	@GetMapping("/reporting/instructions/export")
	@PreAuthorize("hasAuthority('reporting:view')")
	ResponseEntity<byte[]> exportInstructions(OutcomeFilter filter) {
		AuthenticatedUser me = CurrentUser.require();
		List<InstructionRow> rows = instructionRows(adoptions.listInstructions(filter, dataScopes.current(), me));
		List<ExcelExporter.Column<InstructionRow>> columns = new ArrayList<>();
		columns.add(column("reporting.item.title", InstructionRow::title));
		columns.add(column("reporting.item.unit", InstructionRow::unit));
		columns.add(column("reporting.instruction.level", InstructionRow::level));
		columns.add(column("reporting.instruction.leader", InstructionRow::leader));
		columns.add(column("reporting.instruction.on", InstructionRow::instructedOn));
		columns.add(column("reporting.instruction.summary", InstructionRow::summary));
		columns.add(column("reporting.instruction.feedbackDue", InstructionRow::feedbackDue));
		columns.add(column("reporting.instruction.feedback", InstructionRow::feedback));
		byte[] xlsx = ExcelExporter.withColumns(columns).export(texts.get("reporting.instruction.register"), rows);
		return ExcelDownload.of(texts.get("reporting.instruction.fileName", LocalDate.now(clock)), "instructions.xlsx", xlsx);
	}

	private List<AdoptionRow> adoptionRows(List<Adoption> list) {
		Map<Long, InformationItem> byId = items.byIds(list.stream().map(Adoption::getItemId).collect(Collectors.toSet()));
		Map<Long, String> units = directory.unitNames();
		return list.stream().map(adoption -> {
			InformationItem item = byId.get(adoption.getItemId());
			return new AdoptionRow(item.getId(), item.getTitle(), units.get(item.getUnitId()), authors(item),
					adoption.getOutlet(), adoption.getIssue(), texts.get("reporting.level." + adoption.getLevel().name()),
					adoption.getAdoptedOn(), adoption.getEvidence());
		}).toList();
	}

	private List<InstructionRow> instructionRows(List<LeaderInstruction> list) {
		Map<Long, InformationItem> byId = items
			.byIds(list.stream().map(LeaderInstruction::getItemId).collect(Collectors.toSet()));
		Map<Long, String> units = directory.unitNames();
		LocalDate today = LocalDate.now(clock);
		return list.stream().map(instruction -> {
			InformationItem item = byId.get(instruction.getItemId());
			String feedback = instruction.getFeedbackOn() != null
					? texts.get("reporting.instruction.feedbackGivenOn", instruction.getFeedbackOn(), instruction.getFeedbackNote())
					: instruction.getFeedbackDue() == null ? ""
							: instruction.feedbackOverdueOn(today) ? texts.get("reporting.instruction.feedbackOverdue")
									: texts.get("reporting.instruction.feedbackPending");
			return new InstructionRow(item.getId(), item.getTitle(), units.get(item.getUnitId()),
					texts.get("reporting.level." + instruction.getLevel().name()), instruction.getLeader(),
					instruction.getInstructedOn(), instruction.getSummary(), instruction.getFeedbackDue(), feedback,
					instruction.feedbackOverdueOn(today));
		}).toList();
	}

	private static String authors(InformationItem item) {
		return item.getAuthors().stream().map(ItemAuthor::getPersonName).collect(Collectors.joining("、"));
	}

	private <T> ExcelExporter.Column<T> column(String key, Function<T, ?> value) {
		return ExcelExporter.Column.of(texts.get(key), value);
	}

}
