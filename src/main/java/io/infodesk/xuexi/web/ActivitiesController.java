package io.infodesk.xuexi.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import io.infodesk.organization.Organization;
import io.infodesk.shared.files.FileDownload;
import io.infodesk.shared.files.Upload;
import io.infodesk.organization.Unit;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.BusinessException;
import io.infodesk.xuexi.ActivityKind;
import io.infodesk.xuexi.XuexiActivities;
import io.infodesk.xuexi.XuexiActivities.Activity;
import io.infodesk.xuexi.XuexiActivities.ActivityForm;

/** Learning activities with platform content (S3.4-c): the list of the units in scope, the form, the export. */
@Controller
@RequestMapping("/xuexi/activities")
class ActivitiesController {

	private final XuexiActivities activities;

	private final Organization organization;

	private final DataScopes dataScopes;

	private final Texts texts;

	private final Clock clock;

	ActivitiesController(XuexiActivities activities, Organization organization, DataScopes dataScopes, Texts texts,
			Clock clock) {
		this.activities = activities;
		this.organization = organization;
		this.dataScopes = dataScopes;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAnyAuthority('xuexi:view', 'xuexi:contribute')")
	String list(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year,
			@AuthenticationPrincipal AuthenticatedUser me, Model model) {
		return page(model, unitId, year, new ActivityForm(me.unitId(), LocalDate.now(clock), ActivityKind.THEME_LEARNING,
				null, null, null, null), null);
	}

	private String page(Model model, Long unitId, Integer year, ActivityForm form, String error) {
		DataScope scope = dataScopes.current();
		int chosen = year == null ? LocalDate.now(clock).getYear() : year;
		List<Unit> units = organization.activeUnits().stream().filter(u -> scope.includes(u.getId())).toList();
		model.addAttribute("activities", activities.list(scope, unitId, chosen));
		model.addAttribute("units", units);
		model.addAttribute("unitId", unitId);
		model.addAttribute("year", chosen);
		model.addAttribute("kinds", ActivityKind.values());
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		return "xuexi/activities";
	}

	@PostMapping
	@PreAuthorize("hasAuthority('xuexi:contribute')")
	String record(@RequestParam(required = false) Long unitId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			@RequestParam(required = false) ActivityKind kind, @RequestParam(required = false) String topic,
			@RequestParam(required = false) Integer participants, @RequestParam(required = false) String attendees,
			@RequestParam(required = false) String materials,
			@RequestParam(value = "files", required = false) List<MultipartFile> files,
			@AuthenticationPrincipal AuthenticatedUser me, Model model, RedirectAttributes redirect) {
		ActivityForm form = new ActivityForm(unitId, heldOn, kind, topic, participants, attendees, materials);
		List<Upload> uploads = files == null ? List.of()
				: files.stream().map(Upload::of).filter(java.util.Objects::nonNull).toList();
		try {
			activities.record(form, uploads, me, dataScopes.current());
			redirect.addFlashAttribute("flashSuccess", texts.get("xuexi.activity.saved"));
			return "redirect:/xuexi/activities";
		}
		catch (BusinessException refused) {
			return page(model, null, null, form, texts.get(refused.messageKey(), refused.args()));
		}
	}

	@GetMapping("/{activityId}/files/{fileId}")
	@PreAuthorize("hasAnyAuthority('xuexi:view', 'xuexi:contribute')")
	ResponseEntity<Resource> downloadMaterial(@PathVariable long activityId, @PathVariable long fileId) {
		XuexiActivities.Material file = activities.material(activityId, fileId, dataScopes.current())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return FileDownload.of(activities.open(file), file.fileName(), file.type(), file.size());
	}

	@GetMapping("/export")
	@PreAuthorize("hasAnyAuthority('xuexi:view', 'xuexi:contribute')")
	ResponseEntity<byte[]> export(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year) {
		int chosen = year == null ? LocalDate.now(clock).getYear() : year;
		byte[] bytes = ExcelExporter.withColumns(List.<ExcelExporter.Column<Activity>>of(
				ExcelExporter.Column.of(texts.get("xuexi.activity.col.heldOn"), Activity::heldOn),
				ExcelExporter.Column.of(texts.get("xuexi.col.unit"), Activity::unitName),
				ExcelExporter.Column.of(texts.get("xuexi.activity.col.kind"), a -> texts.label("xuexi.activity.kind.", a.kind())),
				ExcelExporter.Column.of(texts.get("xuexi.activity.col.topic"), Activity::topic),
				ExcelExporter.Column.of(texts.get("xuexi.activity.col.participants"), Activity::participants),
				ExcelExporter.Column.of(texts.get("xuexi.activity.col.attendees"), Activity::attendees),
				ExcelExporter.Column.of(texts.get("xuexi.activity.col.materials"), Activity::materials)))
			.export(texts.get("xuexi.activity.exportFile"), activities.list(dataScopes.current(), unitId, chosen));
		return ExcelDownload.of(texts.get("xuexi.activity.exportFile") + chosen + ".xlsx", "xuexi-activities-" + chosen + ".xlsx",
				bytes);
	}

}
