package io.infodesk.reporting.material.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
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

import io.infodesk.reporting.ReportingException;
import io.infodesk.reporting.attachment.Attachment;
import io.infodesk.reporting.attachment.Attachments;
import io.infodesk.reporting.item.InformationItems;
import io.infodesk.reporting.material.Material;
import io.infodesk.reporting.material.MaterialFilter;
import io.infodesk.reporting.material.MaterialForm;
import io.infodesk.reporting.material.MaterialKind;
import io.infodesk.reporting.material.Materials;
import io.infodesk.reporting.web.Directory;
import io.infodesk.shared.web.FlashActions;
import io.infodesk.shared.web.FormErrors;
import io.infodesk.reporting.web.LenientBinding;
import io.infodesk.reporting.web.ReportingDates;
import io.infodesk.review.ReviewException;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.files.Upload;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.ListSupport;

/**
 * The material library (素材库, S3.1-b): the list with its filter bar and Excel export, adding and editing
 * clippings (with an optional file), the detail page, deleting with confirmation, and picking materials for an
 * item (the item page's "关联素材").
 */
@Controller
class MaterialController {

	private static final String FORM = "reporting/material/materialForm";

	private final Materials materials;

	private final Attachments attachments;

	private final InformationItems items;

	private final Directory directory;

	private final DataScopes dataScopes;

	private final Texts texts;

	private final Clock clock;

	MaterialController(Materials materials, Attachments attachments, InformationItems items, Directory directory,
			DataScopes dataScopes, Texts texts, Clock clock) {
		this.materials = materials;
		this.attachments = attachments;
		this.items = items;
		this.directory = directory;
		this.dataScopes = dataScopes;
		this.texts = texts;
		this.clock = clock;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
		LenientBinding.register(binder, MaterialKind.class);
	}

	@ModelAttribute("materialKinds")
	MaterialKind[] materialKinds() {
		return MaterialKind.values();
	}

	// ---- list and export -----------------------------------------------------------------------

	@GetMapping("/reporting/materials")
	@PreAuthorize("hasAuthority('reporting:view')")
	String showMaterialList(@ModelAttribute("filter") MaterialFilter filter, @RequestParam(defaultValue = "1") int page,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		Page<Material> result = materials.search(filter, ListSupport.page(page));
		ListSupport.addPage(model, result, result.getContent(), ListSupport.Links.of("/reporting/materials", request));
		model.addAttribute("fileCounts", fileCounts(result.getContent()));
		return ListSupport.view(request, response, "reporting/material/fragments :: materialTable", "reporting/material/materialList");
	}

	@GetMapping("/reporting/materials/export")
	@PreAuthorize("hasAuthority('reporting:view')")
	ResponseEntity<byte[]> exportMaterials(MaterialFilter filter) {
		List<Material> list = materials.list(filter);
		List<ExcelExporter.Column<Material>> columns = new ArrayList<>();
		columns.add(ExcelExporter.Column.of(texts.get("reporting.material.kind"),
				material -> texts.get("reporting.material.kind." + material.getKind().name())));
		columns.add(ExcelExporter.Column.of(texts.get("reporting.material.title"), Material::getTitle));
		columns.add(ExcelExporter.Column.of(texts.get("reporting.material.source"), Material::getSource));
		columns.add(ExcelExporter.Column.of(texts.get("reporting.material.url"), Material::getUrl));
		columns.add(ExcelExporter.Column.of(texts.get("reporting.material.publishedOn"), Material::getPublishedOn));
		columns.add(ExcelExporter.Column.of(texts.get("reporting.material.tags"),
				material -> String.join("、", material.getTags())));
		columns.add(ExcelExporter.Column.of(texts.get("reporting.material.text"), Material::getBodyText));
		columns.add(ExcelExporter.Column.of(texts.get("reporting.material.createdBy"), Material::getCreatedByName));
		columns.add(ExcelExporter.Column.of(texts.get("reporting.material.createdAt"),
				material -> ReportingDates.local(material.getCreatedAt())));
		byte[] xlsx = ExcelExporter.withColumns(columns).export(texts.get("reporting.material.sheet"), list);
		return ExcelDownload.of(texts.get("reporting.material.fileName", LocalDate.now(clock)), "materials.xlsx", xlsx);
	}

	// ---- create, edit, delete ------------------------------------------------------------------

	@GetMapping("/reporting/materials/new")
	@PreAuthorize("hasAuthority('reporting:draft')")
	String initCreationForm(Model model) {
		model.addAttribute("materialForm", MaterialForm.blank());
		return showForm(null, model);
	}

	@PostMapping("/reporting/materials/new")
	@PreAuthorize("hasAuthority('reporting:draft')")
	String processCreationForm(@Valid @ModelAttribute("materialForm") MaterialForm materialForm, BindingResult result,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return showForm(null, model);
		}
		try {
			Material material = materials.create(materialForm, Upload.of(file), CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get("reporting.material.created", material.getTitle()));
			return "redirect:/reporting/materials/" + material.getId();
		}
		catch (ReportingException | ReviewException refused) {
			FormErrors.reject(result, refused);
			return showForm(null, model);
		}
	}

	@GetMapping("/reporting/materials/{materialId}/edit")
	@PreAuthorize("hasAuthority('reporting:draft')")
	String initUpdateForm(@PathVariable long materialId, Model model, RedirectAttributes redirect) {
		Material material = materials.get(materialId);
		if (!Materials.canEdit(material, CurrentUser.require())) {
			redirect.addFlashAttribute("flashError", texts.get("reporting.material.notYours"));
			return "redirect:/reporting/materials/" + materialId;
		}
		model.addAttribute("materialForm", MaterialForm.of(material));
		return showForm(material, model);
	}

	@PostMapping("/reporting/materials/{materialId}/edit")
	@PreAuthorize("hasAuthority('reporting:draft')")
	String processUpdateForm(@PathVariable long materialId,
			@Valid @ModelAttribute("materialForm") MaterialForm materialForm, BindingResult result,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
		Material material = materials.get(materialId);
		if (result.hasErrors()) {
			return showForm(material, model);
		}
		try {
			materials.update(materialId, materialForm, Upload.of(file), CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get("reporting.material.saved"));
			return "redirect:/reporting/materials/" + materialId;
		}
		catch (ReportingException | ReviewException refused) {
			if (refused.field().isEmpty()) {
				redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.args()));
				return "redirect:/reporting/materials/" + materialId;
			}
			FormErrors.reject(result, refused);
			return showForm(material, model);
		}
	}

	private String showForm(Material material, Model model) {
		model.addAttribute("material", material);
		model.addAttribute("files", material == null ? List.of() : attachments.of(Attachment.Owner.MATERIAL, material.getId()));
		model.addAttribute("maxFileMegabytes", attachments.maxSizeMegabytes());
		return FORM;
	}

	@PostMapping("/reporting/materials/{materialId}/delete")
	@PreAuthorize("hasAuthority('reporting:draft')")
	String processDelete(@PathVariable long materialId, RedirectAttributes redirect) {
		try {
			Material material = materials.get(materialId);
			materials.delete(materialId, CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get("reporting.material.deleted", material.getTitle()));
			return "redirect:/reporting/materials";
		}
		catch (ReportingException | ReviewException refused) {
			redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.args()));
			return "redirect:/reporting/materials/" + materialId;
		}
	}

	// ---- detail --------------------------------------------------------------------------------

	@GetMapping("/reporting/materials/{materialId}")
	@PreAuthorize("hasAuthority('reporting:view')")
	String showMaterial(@PathVariable long materialId, Model model) {
		AuthenticatedUser me = CurrentUser.require();
		Material material = materials.get(materialId);
		model.addAttribute("material", material);
		model.addAttribute("files", attachments.of(Attachment.Owner.MATERIAL, materialId));
		model.addAttribute("usedBy", materials.itemsUsing(materialId, me, dataScopes.current()));
		model.addAttribute("canEdit", Materials.canEdit(material, me));
		model.addAttribute("unitNames", directory.unitNames());
		return "reporting/material/materialDetail";
	}

	// ---- picking for an item -------------------------------------------------------------------

	/** Materials to link to an item: the newest ten matching the keyword (a fragment for htmx, else a page). */
	@GetMapping("/reporting/materials/pick")
	@PreAuthorize("hasAuthority('reporting:view')")
	String showChoices(@RequestParam(required = false) Long itemId, @RequestParam(required = false) String keyword,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		if (itemId == null) {
			throw ReportingException.of("reporting.item.notFound", "");
		}
		var item = items.visible(itemId, CurrentUser.require(), dataScopes.current());
		model.addAttribute("item", item);
		model.addAttribute("keyword", keyword);
		model.addAttribute("choices", materials
			.search(new MaterialFilter(keyword, null, null, null, null), PageRequest.of(0, 10))
			.getContent());
		return ListSupport.view(request, response, "reporting/material/fragments :: materialChoices", "reporting/material/materialPick");
	}

	@PostMapping("/reporting/items/{itemId}/materials")
	@PreAuthorize("hasAuthority('reporting:view')")
	String processLink(@PathVariable long itemId, @RequestParam(required = false) Long materialId,
			RedirectAttributes redirect) {
		return FlashActions.run(texts, redirect, "/reporting/items/" + itemId + "#materials", "reporting.material.linked",
				() -> {
					if (materialId == null) {
						throw ReportingException.of("reporting.material.choose");
					}
					materials.link(itemId, materialId, CurrentUser.require(), dataScopes.current());
				});
	}

	@PostMapping("/reporting/items/{itemId}/materials/{materialId}/unlink")
	@PreAuthorize("hasAuthority('reporting:view')")
	String processUnlink(@PathVariable long itemId, @PathVariable long materialId, RedirectAttributes redirect) {
		return FlashActions.run(texts, redirect, "/reporting/items/" + itemId + "#materials",
				"reporting.material.unlinked",
				() -> materials.unlink(itemId, materialId, CurrentUser.require(), dataScopes.current()));
	}

	private java.util.Map<Long, Integer> fileCounts(List<Material> list) {
		java.util.Map<Long, Integer> counts = new java.util.HashMap<>();
		attachments.ofAll(Attachment.Owner.MATERIAL, list.stream().map(Material::getId).toList())
			.forEach((id, files) -> counts.put(id, files.size()));
		return counts;
	}

}
