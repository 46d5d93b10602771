package io.infodesk.reporting.web;

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

import io.infodesk.reporting.AdministrativeLevel;
import io.infodesk.reporting.Angle;
import io.infodesk.search.SearchIndex;
import io.infodesk.search.SearchFilter;
import io.infodesk.reporting.SourceTag;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.ListSupport;

/**
 * Full-text search (全文检索, S3.1 point 8) over every searchable type within the user's data scope: keyword and
 * filters, highlighted snippets, pages; the office or the administrator may rebuild the index.
 */
@Controller
class SearchController {

	private final SearchIndex search;

	private final Directory directory;

	private final DataScopes dataScopes;

	private final Texts texts;

	SearchController(SearchIndex search, Directory directory, DataScopes dataScopes, Texts texts) {
		this.search = search;
		this.directory = directory;
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
		model.addAttribute("targets", search.targets(CurrentUser.require()));
		model.addAttribute("units", directory.unitsIn(scope));
		model.addAttribute("unitNames", directory.unitNames());
		model.addAttribute("angles", Angle.values());
		model.addAttribute("sources", SourceTag.values());
		model.addAttribute("levels", AdministrativeLevel.values());
		model.addAttribute("rebuilding", search.isRebuilding());
		return ListSupport.view(request, response, "reporting/fragments :: searchResults", "reporting/search");
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

}
