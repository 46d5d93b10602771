package io.infodesk.audit.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Page;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.audit.AuditTrail;
import io.infodesk.audit.internal.AuditChain;
import io.infodesk.audit.internal.AuditEntries;
import io.infodesk.audit.internal.AuditEntry;
import io.infodesk.audit.internal.AuditQuery;
import io.infodesk.audit.internal.ChainVerification;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.DateFormats;
import io.infodesk.shared.time.TimeConfiguration;
import io.infodesk.shared.web.ListSupport;

/**
 * The audit trail page (GB/T 22239 security audit): search by time, actor, action, entity,
 * outcome and keyword, newest first; Excel export; and the chain verification, which reports the
 * first broken link. Entries are read only: there is no way to change one from here.
 */
@Controller
@RequestMapping("/admin/audit")
@PreAuthorize("hasAuthority('audit:view')")
class AuditController {

	private static final DateTimeFormatter TIME = DateFormats.SECONDS;

	private final AuditEntries entries;

	private final AuditChain chain;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	AuditController(AuditEntries entries, AuditChain chain, AuditTrail audit, Texts texts, Clock clock) {
		this.entries = entries;
		this.chain = chain;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	/** One line of the trail as the page shows it. */
	record AuditRow(AuditEntry entry, String time, String action) {
	}

	@GetMapping
	String list(@ModelAttribute("filter") AuditFilter filter, @RequestParam(defaultValue = "1") int page, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Page<AuditEntry> found = entries.search(readersQuery(filter), ListSupport.page(page));
		ListSupport.addPage(model, found, found.getContent().stream().map(this::row).toList(),
				ListSupport.Links.of("/admin/audit", request));
		model.addAttribute("actions", entries.actions().stream().map(a -> new Choice(a, actionLabel(a))).toList());
		return ListSupport.view(request, response, "audit/fragments :: auditTable", "audit/list");
	}

	/** An action in the filter's choice list: its code and its Chinese label. */
	record Choice(String value, String label) {
	}

	@GetMapping("/export")
	ModelAndView export(@ModelAttribute("filter") AuditFilter filter, HttpServletResponse response,
			RedirectAttributes redirect) throws IOException {
		long count = entries.count(readersQuery(filter));
		if (count > AuditEntries.EXPORT_LIMIT) {
			redirect.addFlashAttribute("flashError",
					texts.get("audit.export.tooMany", String.valueOf(count), String.valueOf(AuditEntries.EXPORT_LIMIT)));
			return new ModelAndView("redirect:/admin/audit");
		}
		List<AuditEntry> found = entries.searchAll(readersQuery(filter));
		List<String> headers = List.of(texts.get("audit.seq"), texts.get("audit.time"), texts.get("audit.actor"),
				texts.get("audit.ip"), texts.get("audit.action"), texts.get("audit.entityType"),
				texts.get("audit.entityId"), texts.get("audit.summary"), texts.get("audit.outcome"));
		List<List<String>> rows = new ArrayList<>();
		for (AuditEntry entry : found) {
			rows.add(List.of(String.valueOf(entry.getSeq()), TIME.format(entry.getOccurredAt()), nz(entry.getActor()),
					nz(entry.getActorIp()), actionLabel(entry.getAction()), nz(entry.getEntityType()),
					nz(entry.getEntityId()), nz(entry.getSummary()), texts.get("audit.outcome." + entry.getOutcome())));
		}
		audit.record("AUDIT_EXPORTED", "AuditChain", null, texts.get("audit.export.audit", String.valueOf(found.size())));
		String filename = texts.get("audit.export.file") + "-" + LocalDate.now(clock) + ".xlsx";
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
		response.getOutputStream().write(ExcelExporter.table(texts.get("audit.export.sheet"), headers, rows));
		return null; // the response is written
	}

	@PostMapping("/verify")
	@PreAuthorize("hasAuthority('audit:verify')")
	String verify(RedirectAttributes redirect) {
		ChainVerification result = chain.verifyAndRecord();
		redirect.addFlashAttribute(result.intact() ? "flashSuccess" : "flashError", chain.describe(result));
		return "redirect:/admin/audit";
	}

	/**
	 * The search as the reader may run it: never over their own actions (三员分立: no administrator reviews their own
	 * trail; the audit administrator's actions are read by another holder of the audit permission).
	 */
	private static AuditQuery readersQuery(AuditFilter filter) {
		return filter.toQuery().excluding(CurrentUser.actorName());
	}

	private AuditRow row(AuditEntry entry) {
		return new AuditRow(entry, TIME.format(entry.getOccurredAt()), actionLabel(entry.getAction()));
	}

	/** The Chinese name of an action where the trail knows one, else its code. */
	private String actionLabel(String action) {
		String key = "audit.action." + action;
		String label = texts.get(key);
		return label.equals(key) ? action : label;
	}

	private static String nz(String value) {
		return value == null ? "" : value;
	}

}
