package io.infodesk.search.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Unit;
import io.infodesk.search.SearchFilter;
import io.infodesk.search.SearchIndex;
import io.infodesk.search.SearchTarget;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.ListSupport;

/**
 * Full-text search (全文检索, S3.1 point 8) over every searchable type within the user's data scope: keyword and
 * filters, highlighted snippets, pages; the office or the administrator may rebuild the index. The types, their
 * kinds, statuses, tag groups and levels come from the {@link SearchTarget} beans of the modules that own them;
 * the page keeps its address under {@code /reporting/search}, where bureau staff know it.
 */
@Controller
class SearchController {

	private final SearchIndex search;

	private final Organization organization;

	private final DataScopes dataScopes;

	private final Texts texts;

	SearchController(SearchIndex search, Organization organization, DataScopes dataScopes, Texts texts) {
		this.search = search;
		this.organization = organization;
		this.dataScopes = dataScopes;
		this.texts = texts;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping("/reporting/search")
	@PreAuthorize("hasAuthority('reporting:view')")
	String showSearch(@ModelAttribute("filter") SearchFilter filter, @RequestParam(defaultValue = "1") int page,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		DataScope scope = dataScopes.current();
		Page<SearchIndex.Hit> result = search.search(filter, CurrentUser.require(), scope, ListSupport.page(page));
		ListSupport.addPage(model, result, result.getContent(), ListSupport.Links.of("/reporting/search", request));
		model.addAttribute("totalAbove", result.getTotalElements() > SearchIndex.COUNT_LIMIT ? SearchIndex.COUNT_LIMIT : null);
		model.addAttribute("targets", search.targets(CurrentUser.require()));
		model.addAttribute("units", organization.activeUnits().stream().filter(unit -> scope.includes(unit.getId())).toList());
		model.addAttribute("unitNames", unitNames(result.getContent()));
		Map<String, Map<String, String>> tagGroups = new LinkedHashMap<>();
		Map<String, String> levels = new LinkedHashMap<>();
		for (SearchTarget target : search.targets()) {
			target.tagGroups().forEach((group, tags) -> tagGroups.computeIfAbsent(group, g -> new LinkedHashMap<>()).putAll(tags));
			levels.putAll(target.levels());
		}
		model.addAttribute("tagGroups", tagGroups);
		model.addAttribute("levels", levels);
		model.addAttribute("rebuilding", search.isRebuilding());
		return ListSupport.view(request, response, "search/fragments :: searchResults", "search/search");
	}

	@PostMapping("/reporting/search/rebuild")
	@PreAuthorize("hasAuthority('reporting:settings')")
	String processRebuild(RedirectAttributes redirect) {
		if (search.rebuildIndex()) {
			redirect.addFlashAttribute("flashSuccess", texts.get("reporting.search.rebuildStarted"));
		}
		else {
			redirect.addFlashAttribute("flashError", texts.get("reporting.search.rebuildRunning"));
		}
		return "redirect:/reporting/search";
	}

	/** Unit id → name: the active units, and any other unit a hit names (looked up one by one). */
	private Map<Long, String> unitNames(List<SearchIndex.Hit> hits) {
		Map<Long, String> names = new LinkedHashMap<>();
		organization.activeUnits().forEach(unit -> names.put(unit.getId(), unit.getName()));
		for (SearchIndex.Hit hit : hits) {
			Long unitId = hit.document().searchUnitId();
			if (unitId != null && !names.containsKey(unitId)) {
				names.put(unitId, organization.unit(unitId).map(Unit::getName).orElse(String.valueOf(unitId)));
			}
		}
		return names;
	}

}
