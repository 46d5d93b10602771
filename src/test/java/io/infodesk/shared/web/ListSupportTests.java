package io.infodesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;

/** The list pages' shared paging, links and fragment-or-page decision. */
class ListSupportTests {

	@Test
	void pageNumbersAreOneBasedWithAFixedSizeAndNothingBelowTheFirstPage() {
		assertThat(ListSupport.page(1)).isEqualTo(PageRequest.of(0, ListSupport.PAGE_SIZE));
		assertThat(ListSupport.page(3).getPageNumber()).isEqualTo(2);
		assertThat(ListSupport.page(0).getPageNumber()).isZero();
		assertThat(ListSupport.page(-5).getPageNumber()).isZero();
		Pageable sorted = ListSupport.page(2, Sort.by("username"));
		assertThat(sorted.getPageNumber()).isEqualTo(1);
		assertThat(sorted.getSort()).isEqualTo(Sort.by("username"));
	}

	@Test
	void showsUpToThreePageNumbersEitherSideOfTheCurrentOne() {
		assertThat(numbers(0, 10 * ListSupport.PAGE_SIZE)).containsExactly(1, 2, 3, 4);
		assertThat(numbers(5, 10 * ListSupport.PAGE_SIZE)).containsExactly(3, 4, 5, 6, 7, 8, 9);
		assertThat(numbers(9, 10 * ListSupport.PAGE_SIZE)).containsExactly(7, 8, 9, 10);
		assertThat(numbers(0, 0)).containsExactly(1);
	}

	@Test
	void linksKeepTheFilterButNotThePageOrHiddenOrEmptyParameters() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/org/people");
		request.addParameter("keyword", "张 三");
		request.addParameter("unitId", "7");
		request.addParameter("status", "");
		request.addParameter("page", "4");
		request.addParameter("_csrf", "token");
		ListSupport.Links links = ListSupport.Links.of("/org/people", request);

		assertThat(links.page(2)).isEqualTo("/org/people?keyword=%E5%BC%A0%20%E4%B8%89&unitId=7&page=2");
		assertThat(links.export()).isEqualTo("/org/people/export?keyword=%E5%BC%A0%20%E4%B8%89&unitId=7");
	}

	@Test
	void htmxGetsTheFragmentExceptForAHistoryRestoreAndTheResponseVariesOnTheHeader() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(ListSupport.view(new MockHttpServletRequest(), response, "fragment", "page")).isEqualTo("page");
		assertThat(response.getHeaders("Vary")).contains("HX-Request");

		MockHttpServletRequest htmx = new MockHttpServletRequest();
		htmx.addHeader("HX-Request", "true");
		assertThat(ListSupport.view(htmx, new MockHttpServletResponse(), "fragment", "page")).isEqualTo("fragment");

		htmx.addHeader("HX-History-Restore-Request", "true");
		assertThat(ListSupport.view(htmx, new MockHttpServletResponse(), "fragment", "page")).isEqualTo("page");
	}

	@Test
	void addPagePutsWhatThePaginationFragmentReadsIntoTheModel() {
		ExtendedModelMap model = new ExtendedModelMap();
		Page<String> page = new PageImpl<>(List.of("a"), PageRequest.of(1, ListSupport.PAGE_SIZE), 45);
		ListSupport.Links links = new ListSupport.Links("/admin/users", java.util.Map.of());

		ListSupport.addPage(model, page, List.of("row"), links);

		assertThat(model).containsEntry("page", page)
			.containsEntry("rows", List.of("row"))
			.containsEntry("links", links)
			.containsEntry("pageNumbers", List.of(1, 2, 3));
	}

	private static List<Integer> numbers(int pageIndex, long total) {
		return ListSupport.pageNumbers(new PageImpl<>(List.of(), PageRequest.of(pageIndex, ListSupport.PAGE_SIZE), total));
	}

}
