package io.infodesk.shared.web;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the list pages share: the page or its htmx fragment, paging with 1-based page numbers and a
 * fixed page size, and links (pages, export) that keep the filter of the current request. The
 * pagination itself is the template fragment {@code fragments/pagination :: pagination(target)},
 * which reads the model attributes {@code page}, {@code links} and {@code pageNumbers} set by
 * {@link #addPage}.
 */
public final class ListSupport {

	public static final int PAGE_SIZE = 20;

	/** How many page numbers the pagination shows on each side of the current one. */
	static final int PAGE_NUMBERS_AROUND = 3;

	private ListSupport() {
	}

	/**
	 * htmx asks for the table only; a history restore (HX-History-Restore-Request) needs the whole page.
	 * Responses vary on the header so that a cached fragment is never shown as a page.
	 */
	public static boolean wantsFragment(HttpServletRequest request, HttpServletResponse response) {
		response.addHeader("Vary", "HX-Request");
		return "true".equals(request.getHeader("HX-Request"))
				&& !"true".equals(request.getHeader("HX-History-Restore-Request"));
	}

	/** The view to render: the list's fragment when htmx asks for it (see {@link #wantsFragment}), else the page. */
	public static String view(HttpServletRequest request, HttpServletResponse response, String fragment,
			String page) {
		return wantsFragment(request, response) ? fragment : page;
	}

	/** Puts a page of rows into the model, with its links and the page numbers around the current one. */
	public static void addPage(Model model, Page<?> page, List<?> rows, Links links) {
		model.addAttribute("page", page);
		model.addAttribute("rows", rows);
		model.addAttribute("links", links);
		model.addAttribute("pageNumbers", pageNumbers(page));
	}

	/** The 1-based page numbers the pagination links to: up to three either side of the current page. */
	static List<Integer> pageNumbers(Page<?> page) {
		int current = page.getNumber() + 1;
		int first = Math.max(1, current - PAGE_NUMBERS_AROUND);
		int last = Math.min(Math.max(page.getTotalPages(), 1), current + PAGE_NUMBERS_AROUND);
		return IntStream.rangeClosed(first, last).boxed().toList();
	}

	/** Page numbers in links are 1-based; anything below 1 is the first page. */
	public static Pageable page(int page) {
		return page(page, Sort.unsorted());
	}

	/** A 1-based page number with the list's order. */
	public static Pageable page(int page, Sort sort) {
		return PageRequest.of(Math.max(page, 1) - 1, PAGE_SIZE, sort);
	}

	/** Links of a list that keep every filter parameter of the request. */
	public record Links(String path, Map<String, String[]> parameters) {

		public static Links of(String path, HttpServletRequest request) {
			return new Links(path, request.getParameterMap());
		}

		/** The list at the given 1-based page, with the same filter. */
		public String page(int page) {
			return build(path).queryParam("page", page).build().encode().toUriString();
		}

		/** The Excel export ({@code <path>/export}) of the same filter. */
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
