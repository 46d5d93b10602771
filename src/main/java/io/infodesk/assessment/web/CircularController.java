package io.infodesk.assessment.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import io.infodesk.assessment.AssessmentException;
import io.infodesk.assessment.circular.CircularDraft;
import io.infodesk.assessment.circular.Circulars;
import io.infodesk.assessment.Period;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.text.Texts;

/**
 * 通报 (circulars, issue 4 point 5): the list of issued circulars with their versions and downloads (everyone who
 * sees the ranking: the 通报 goes to every unit), a unit's own position in each; for the office the form that
 * previews the draft of a finished month, quarter or year and issues it. Refused input (a period not finished, a
 * period without records, missing issuing details) shows its Chinese message and stores nothing.
 */
@Controller
class CircularController {

	static final String DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	private final Circulars circulars;

	private final AssessmentAccess access;

	private final Texts texts;

	private final Clock clock;

	CircularController(Circulars circulars, AssessmentAccess access, Texts texts, Clock clock) {
		this.circulars = circulars;
		this.access = access;
		this.texts = texts;
		this.clock = clock;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	/**
	 * The generation form: a month, quarter or year and the issuing details; empty values fall back to the
	 * previous month and the office's defaults.
	 */
	record CircularForm(Period.Kind kind, Integer year, Integer month, Integer quarter, String issuer,
			String documentNumber, String addressee, String copyTo) {

		Period period() {
			Period.Kind k = kind == null ? Period.Kind.MONTH : kind;
			if (year == null || year < 2000 || year > 2100) {
				throw new AssessmentException("period", "assessment.circular.period.invalid");
			}
			return switch (k) {
				case MONTH -> {
					if (month == null || month < 1 || month > 12) {
						throw new AssessmentException("period", "assessment.circular.period.invalid");
					}
					yield Period.month(YearMonth.of(year, month));
				}
				case QUARTER -> {
					if (quarter == null || quarter < 1 || quarter > 4) {
						throw new AssessmentException("period", "assessment.circular.period.invalid");
					}
					yield Period.quarter(year, quarter);
				}
				case YEAR -> Period.year(year);
				case RANGE -> throw new AssessmentException("kind", "assessment.circular.kind.range");
			};
		}

		Circulars.Options options() {
			return new Circulars.Options(issuer, documentNumber, addressee, copyTo);
		}

		/** The same form with the blanks filled from the previous month and the office's defaults. */
		CircularForm filled(YearMonth previous, Circulars.Options defaults, boolean submitted) {
			return new CircularForm(kind != null ? kind : Period.Kind.MONTH, year != null ? year : previous.getYear(),
					month != null ? month : previous.getMonthValue(),
					quarter != null ? quarter : (previous.getMonthValue() - 1) / 3 + 1,
					submitted ? issuer : defaults.issuer(), documentNumber,
					submitted ? addressee : defaults.addressee(), submitted ? copyTo : defaults.copyTo());
		}

		/** The form as query parameters (for the links between list, preview and issue). */
		String query() {
			return UriComponentsBuilder.newInstance()
				.queryParamIfPresent("kind", Optional.ofNullable(kind))
				.queryParamIfPresent("year", Optional.ofNullable(year))
				.queryParamIfPresent("month", Optional.ofNullable(month))
				.queryParamIfPresent("quarter", Optional.ofNullable(quarter))
				.queryParamIfPresent("issuer", Optional.ofNullable(issuer))
				.queryParamIfPresent("documentNumber", Optional.ofNullable(documentNumber))
				.queryParamIfPresent("addressee", Optional.ofNullable(addressee))
				.queryParamIfPresent("copyTo", Optional.ofNullable(copyTo))
				.encode(StandardCharsets.UTF_8)
				.build()
				.toUriString();
		}

	}

	@GetMapping("/assessment/circulars")
	@PreAuthorize("hasAuthority('assessment:view')")
	String list(@ModelAttribute("form") CircularForm form, Model model) {
		boolean submitted = form.issuer() != null || form.addressee() != null;
		return listPage(form.filled(YearMonth.now(clock).minusMonths(1), circulars.defaults(), submitted), model);
	}

	@GetMapping("/assessment/circulars/preview")
	@PreAuthorize("hasAuthority('assessment:manage')")
	String preview(@ModelAttribute("form") CircularForm form, Model model) {
		CircularForm filled = form.filled(YearMonth.now(clock).minusMonths(1), circulars.defaults(), true);
		try {
			CircularDraft draft = circulars.draft(filled.period(), filled.options());
			model.addAttribute("form", filled);
			model.addAttribute("draft", draft);
			model.addAttribute("categories", RankingController.COLUMNS);
			model.addAttribute("unclosed", String.join("、", draft.unclosedMonths().stream()
				.map(m -> texts.get("assessment.period.month", m.getYear(), m.getMonthValue())).toList()));
			model.addAttribute("backQuery", filled.query());
			return "assessment/circularPreview";
		}
		catch (AssessmentException ex) {
			model.addAttribute("formError", texts.get(ex.messageKey(), ex.args()));
			return listPage(filled, model);
		}
	}

	@PostMapping("/assessment/circulars")
	@PreAuthorize("hasAuthority('assessment:manage')")
	String issue(@ModelAttribute("form") CircularForm form, RedirectAttributes redirect) {
		AuthenticatedUser actor = CurrentUser.require();
		CircularForm filled = form.filled(YearMonth.now(clock).minusMonths(1), circulars.defaults(), true);
		try {
			Circulars.Circular issued = circulars.issue(filled.period(), filled.options(), actor);
			redirect.addFlashAttribute("flashSuccess", texts.get("assessment.circular.issued", issued.title(),
					issued.version()));
			return "redirect:/assessment/circulars";
		}
		catch (AssessmentException ex) {
			redirect.addFlashAttribute("flashError", texts.get(ex.messageKey(), ex.args()));
			return "redirect:/assessment/circulars" + filled.query();
		}
	}

	/** The DOCX byte for byte as issued (checked against its SHA-256). */
	@GetMapping("/assessment/circulars/{circularId}/docx")
	@PreAuthorize("hasAuthority('assessment:view')")
	ResponseEntity<byte[]> docx(@PathVariable long circularId) {
		return download(circulars.docx(circularId), DOCX_TYPE);
	}

	/** The XLSX byte for byte as issued (checked against its SHA-256). */
	@GetMapping("/assessment/circulars/{circularId}/xlsx")
	@PreAuthorize("hasAuthority('assessment:view')")
	ResponseEntity<byte[]> xlsx(@PathVariable long circularId) {
		return download(circulars.xlsx(circularId), ExcelExporter.CONTENT_TYPE);
	}

	private static ResponseEntity<byte[]> download(Circulars.StoredFile file, String type) {
		String encoded = URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"" + file.asciiName() + "\"; filename*=UTF-8''" + encoded)
			.header("X-Content-SHA256", file.sha256())
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noStore())
			.contentLength(file.content().length)
			.body(file.content());
	}

	private String listPage(CircularForm form, Model model) {
		List<Circulars.Circular> list = circulars.list();
		model.addAttribute("form", form);
		model.addAttribute("circulars", list);
		model.addAttribute("kinds", List.of(Period.Kind.MONTH, Period.Kind.QUARTER, Period.Kind.YEAR));
		int now = LocalDate.now(clock).getYear();
		model.addAttribute("years", List.of(now, now - 1, now - 2));
		AuthenticatedUser me = CurrentUser.require();
		Map<Long, Circulars.Position> positions = me.unitId() == null ? Map.of() : circulars.positions(me.unitId());
		model.addAttribute("positions", positions);
		model.addAttribute("showPosition", me.unitId() != null && !access.seesAll());
		model.addAttribute("latestPosition", list.stream()
			.filter(c -> !c.superseded() && positions.containsKey(c.id()))
			.findFirst()
			.map(c -> new LatestPosition(c, positions.get(c.id())))
			.orElse(null));
		return "assessment/circulars";
	}

	/** The unit's line in the newest issued circular that ranks it. */
	record LatestPosition(Circulars.Circular circular, Circulars.Position position) {

	}

}
