package io.infodesk.organization.web;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the organisation's list pages share: the page or its htmx fragment, paging with a fixed
 * page size, and links (pages, export) that keep the filter of the current request.
 */
final class ListSupport {

	static final int PAGE_SIZE = 20;

	private ListSupport() {
	}

	/**
	 * htmx asks for the table only; a history restore (HX-History-Restore-Request) needs the whole page.
	 * Responses vary on the header so that a cached fragment is never shown as a page.
	 */
	static boolean wantsFragment(HttpServletRequest request, HttpServletResponse response) {
		response.addHeader("Vary", "HX-Request");
		return "true".equals(request.getHeader("HX-Request"))
				&& !"true".equals(request.getHeader("HX-History-Restore-Request"));
	}

	/** Puts a page of rows into the model, with its links and the page numbers around the current one. */
	static void addPage(Model model, Page<?> page, List<?> rows, Links links) {
		model.addAttribute("page", page);
		model.addAttribute("rows", rows);
		model.addAttribute("links", links);
		int current = page.getNumber() + 1;
		int first = Math.max(1, current - 3);
		int last = Math.min(Math.max(page.getTotalPages(), 1), current + 3);
		model.addAttribute("pageNumbers", IntStream.rangeClosed(first, last).boxed().toList());
	}

	/** Page numbers in links are 1-based. */
	static Pageable page(int page) {
		return PageRequest.of(Math.max(page, 1) - 1, PAGE_SIZE);
	}

	/** Links of a list that keep every filter parameter of the request. */
	record Links(String path, Map<String, String[]> parameters) {

		static Links of(String path, HttpServletRequest request) {
			return new Links(path, request.getParameterMap());
		}

		public String page(int page) {
			return build(path).queryParam("page", page).build().encode().toUriString();
		}

		public String export() {
			return build(path + "/export").build().encode().toUriString();
		}

		private UriComponentsBuilder build(String target) {
			UriComponentsBuilder builder = UriComponentsBuilder.fromPath(target);
			parameters.forEach((name, values) -> {
				if (!name.equals("page") && !name.startsWith("_")) {
					for (String value : values) {
						if (value != null && !value.isEmpty()) {
							builder.queryParam(name, value);
						}
					}
				}
			});
			return builder;
		}

	}

}
