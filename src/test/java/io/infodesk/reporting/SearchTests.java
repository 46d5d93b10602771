package io.infodesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.search.mapper.orm.Search;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.data.domain.PageRequest;

import io.infodesk.account.Role;
import io.infodesk.reporting.item.Angle;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.ItemFilter;
import io.infodesk.reporting.item.ItemForm;
import io.infodesk.reporting.item.ItemKind;
import io.infodesk.reporting.item.ItemStatus;
import io.infodesk.reporting.item.SourceTag;
import io.infodesk.reporting.material.Material;
import io.infodesk.reporting.material.MaterialForm;
import io.infodesk.reporting.material.MaterialKind;
import io.infodesk.reporting.material.Materials;
import io.infodesk.search.SearchFilter;
import io.infodesk.search.SearchIndex;
import io.infodesk.search.internal.SearchIndexing;
import io.infodesk.shared.security.AuthenticatedUser;

/**
 * Full-text search (S3.1 point 8) on the in-memory index of the test profile: the smartcn pitfall (a
 * two-character word inside a longer compound is found), highlights with everything else escaped, filters, the
 * data scope inside the query (a publicist never finds another unit's item, not even in the count), materials
 * for everyone, re-indexing on change and the start-up fill of an empty index.
 */
class SearchTests extends ReportingIntegrationTest {

	@Autowired
	SearchIndex search;

	@Autowired
	Materials materials;

	@Autowired
	SearchIndexing indexing;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	InformationItem item(String title, String body, String unitName, String author, AuthenticatedUser drafter) {
		logIn(drafter);
		ItemForm form = new ItemForm(title, ItemKind.GOVERNMENT, unitId(unitName), body, Set.of(Angle.NEW_HIGHLIGHT),
				Set.of(SourceTag.CORE_DUTY), new java.util.ArrayList<>(List.of(new ItemForm.AuthorEntry(
						person(unitName, author).getId(), null))), 0);
		return items.create(form, drafter, dataScopes.current());
	}

	List<SearchIndex.Hit> find(SearchFilter filter, AuthenticatedUser user) {
		logIn(user);
		return search.search(filter, user, dataScopes.current(), PageRequest.of(0, 50)).getContent();
	}

	List<String> titles(SearchFilter filter, AuthenticatedUser user) {
		return find(filter, user).stream().map(hit -> hit.document().searchTitle()).toList();
	}

	@Test
	void aTwoCharacterWordInsideALongerCompoundFindsItsDocument() {
		String marker = unique("检索");
		InformationItem segmentation = item(marker + "系统上线", "新系统支持中文分词，检索更准确。", "物业管理科", "赵雪",
				user("publicist"));
		InformationItem housing = item(marker + "行业信用", "全区物业服务企业完成信用评价。", "物业管理科", "赵雪",
				user("publicist"));
		AuthenticatedUser office = user("office");
		assertThat(titles(new SearchFilter("分词 " + marker, null, null, null, null, null, null, null, null), office))
			.containsExactly(segmentation.getTitle());
		assertThat(titles(new SearchFilter("物业 " + marker, null, null, null, null, null, null, null, null), office))
			.containsExactly(housing.getTitle());
		assertThat(titles(new SearchFilter("服务企业 " + marker, null, null, null, null, null, null, null, null), office))
			.containsExactly(housing.getTitle());
		// a single character, and words of smartcn
		assertThat(titles(new SearchFilter("信 " + marker, null, null, null, null, null, null, null, null), office))
			.containsExactly(housing.getTitle());
		assertThat(titles(new SearchFilter("评价 " + marker, null, null, null, null, null, null, null, null), office))
			.containsExactly(housing.getTitle());
		assertThat(titles(new SearchFilter("燃气 " + marker, null, null, null, null, null, null, null, null), office))
			.isEmpty();
	}

	@Test
	void snippetsMarkTheMatchAndEscapeEverythingElse() {
		String marker = unique("转义");
		item(marker + "<b>标题</b>", "物业服务企业 1<2 & 3>2 完成整改。", "物业管理科", "赵雪", user("publicist"));
		SearchIndex.Hit hit = find(SearchFilter.keyword("物业 " + marker), user("office")).get(0);
		assertThat(hit.snippetHtml()).contains("<mark>物业</mark>").contains("1&lt;2 &amp; 3&gt;2");
		assertThat(hit.titleHtml()).contains("&lt;b&gt;").doesNotContain("<b>");
		assertThat(Jsoup.parse(hit.snippetHtml()).select("*").stream().map(e -> e.normalName()).distinct().toList())
			.containsOnly("#root", "html", "head", "body", "mark");
	}

	@Test
	void aPublicistNeverFindsAnotherUnitsItemNotEvenInTheCount() {
		String marker = unique("范围");
		InformationItem office = item(marker + "办公室信息", "物业服务企业年度考核。", "办公室", "周敏", user("office"));
		InformationItem own = item(marker + "科室信息", "物业服务企业年度考核。", "物业管理科", "赵雪", user("publicist"));
		AuthenticatedUser publicist = user("publicist");
		logIn(publicist);
		var page = search.search(SearchFilter.keyword(marker), publicist, dataScopes.current(), PageRequest.of(0, 20));
		assertThat(page.getContent()).extracting(hit -> hit.document().searchTitle()).containsExactly(own.getTitle());
		assertThat(page.getTotalElements()).isEqualTo(1);
		assertThat(titles(SearchFilter.keyword(marker), user("office"))).contains(office.getTitle(), own.getTitle());
		// the leader in charge of 物业管理科 does not see 办公室 either; the author of a joint item does
		assertThat(titles(SearchFilter.keyword(marker), user("charge"))).containsExactly(own.getTitle());
		AuthenticatedUser coAuthor = member("房地产市场监管科", "程琳", Role.PUBLICIST);
		assertThat(titles(SearchFilter.keyword(marker), coAuthor)).isEmpty();
		AuthenticatedUser officeEditor = logIn("office");
		InformationItem joint = items.create(new ItemForm(marker + "联合供稿", ItemKind.GOVERNMENT, unitId("办公室"),
				"联合调研。", Set.of(Angle.NEW_HIGHLIGHT), Set.of(SourceTag.CORE_DUTY), new java.util.ArrayList<>(List.of(
						new ItemForm.AuthorEntry(person("办公室", "周敏").getId(), null),
						new ItemForm.AuthorEntry(person("房地产市场监管科", "程琳").getId(), null))), 0),
				officeEditor, dataScopes.current());
		assertThat(titles(SearchFilter.keyword(marker), coAuthor)).containsExactly(joint.getTitle());
	}

	@Test
	void filtersNarrowTheResultsAndMaterialsAreFoundByEveryone() {
		String marker = unique("筛选");
		InformationItem item = signedOff(marker + "已审签信息");
		Material material = materials.create(new MaterialForm(MaterialKind.SPEECH, marker + "讲话摘录", "张建国局长", null,
				LocalDate.now(clock), "物业管理", "推动物业服务提质增效。"), null, logIn("office"));
		AuthenticatedUser staff = user("staff");
		assertThat(titles(SearchFilter.keyword(marker), staff)).containsExactlyInAnyOrder(item.getTitle(), material.getTitle());
		assertThat(titles(SearchFilter.keyword(marker).withType("MATERIAL"), staff)).containsExactly(material.getTitle());
		assertThat(titles(new SearchFilter(marker, null, null, null, null, null, null, "SIGNED_OFF", null), staff))
			.containsExactly(item.getTitle());
		assertThat(titles(new SearchFilter(marker, null, null, null, null, null, null, "DRAFT", null), staff)).isEmpty();
		assertThat(titles(new SearchFilter(marker, null, unitId("物业管理科"), "GOVERNMENT", "NEW_HIGHLIGHT",
				LocalDate.now(clock), LocalDate.now(clock), null, null), staff)).containsExactly(item.getTitle());
		assertThat(titles(new SearchFilter(marker, null, null, null, null, LocalDate.now(clock).plusDays(1), null, null,
				null), staff)).isEmpty();
		assertThat(titles(new SearchFilter(marker, null, null, "SPEECH", "物业管理", null, null, null, null), staff))
			.containsExactly(material.getTitle());
		assertThat(titles(new SearchFilter(marker, null, null, null, null, null, null, null, "CITY"), staff)).isEmpty();
	}

	@Test
	void aChangedItemIsReindexedOnCommitAndADiscardedOneDisappears() {
		String marker = unique("更新");
		InformationItem item = item(marker + "初稿", "老旧小区加装电梯。", "物业管理科", "赵雪", user("publicist"));
		AuthenticatedUser office = user("office");
		assertThat(titles(SearchFilter.keyword("加装电梯 " + marker), office)).hasSize(1);
		AuthenticatedUser publicist = logIn("publicist");
		ItemForm edited = new ItemForm(marker + "修改稿", ItemKind.GOVERNMENT, unitId("物业管理科"), "老旧小区屋面防水维修。",
				Set.of(Angle.NEW_HIGHLIGHT), Set.of(SourceTag.CORE_DUTY), new java.util.ArrayList<>(
						List.of(new ItemForm.AuthorEntry(person("物业管理科", "赵雪").getId(), null))), 1);
		items.update(item.getId(), edited, publicist, dataScopes.current());
		assertThat(titles(SearchFilter.keyword("加装电梯 " + marker), office)).isEmpty();
		assertThat(titles(SearchFilter.keyword("防水 " + marker), office)).containsExactly(marker + "修改稿");
		items.discard(item.getId(), publicist, dataScopes.current());
		assertThat(titles(SearchFilter.keyword(marker), office)).isEmpty();
	}

	@Test
	void anEmptyIndexIsFilledAtStartUp() throws Exception {
		String marker = unique("重建");
		item(marker + "信息", "物业服务企业。", "物业管理科", "赵雪", user("publicist"));
		Search.mapping(entityManagerFactory).scope(Object.class).workspace().purge();
		Search.mapping(entityManagerFactory).scope(Object.class).workspace().refresh();
		assertThat(titles(SearchFilter.keyword(marker), user("office"))).isEmpty();
		indexing.run(new DefaultApplicationArguments());
		assertThat(titles(SearchFilter.keyword(marker), user("office"))).hasSize(1);
		assertThat(titles(SearchFilter.keyword("冬季供暖"), user("office"))).as("the demo items too").isNotEmpty();
	}

	@Test
	void theSearchPageShowsHighlightedHitsAndOnlyTheOfficeMayRebuild() throws Exception {
		String marker = unique("页面");
		InformationItem item = item(marker + "物业服务企业信用评价", "全区物业服务企业完成信用评价。", "物业管理科", "赵雪",
				user("publicist"));
		Document page = Jsoup.parse(mvc.perform(get("/reporting/search").param("q", "物业 " + marker)
			.with(as(user("publicist")))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(page.select("#search-hits .search-title").attr("href")).isEqualTo("/reporting/items/" + item.getId());
		assertThat(page.select("#search-hits .search-title mark").text()).contains("物业");
		assertThat(page.select(".list-total").text()).contains("1");
		assertThat(page.getElementById("search-rebuild")).isNull();
		Document fragment = Jsoup.parse(mvc.perform(get("/reporting/search").param("q", marker).header("HX-Request", "true")
			.with(as(user("publicist")))).andReturn().getResponse().getContentAsString());
		assertThat(fragment.getElementById("search-filter")).isNull();
		assertThat(fragment.getElementById("search-results")).isNotNull();
		mvc.perform(post("/reporting/search/rebuild").with(csrf()).with(as(user("publicist")))).andExpect(status().isForbidden());
		mvc.perform(post("/reporting/search/rebuild").with(csrf()).with(as(user("office"))))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'SEARCH_INDEX_REBUILT'",
				Integer.class)).isPositive();
		while (search.isRebuilding()) {
			Thread.sleep(50);
		}
	}

	/**
	 * The item list's keyword filter is answered by the index (no scan of every text): a word inside a compound
	 * is found, newest first like the list, with the list's other filters and the data scope, and the total counts
	 * only what the user may see.
	 */
	@Test
	void theItemListKeywordIsAnsweredByTheIndexNewestFirstWithinTheScope() {
		String marker = unique("台账检索");
		InformationItem older = item(marker + "老旧小区改造", "全区推进老旧小区改造。", "物业管理科", "赵雪", user("publicist"));
		clock.advance(java.time.Duration.ofMinutes(5));
		InformationItem newer = item(marker + "小区加装电梯", "小区加装电梯惠及居民。", "物业管理科", "赵雪", user("publicist"));
		clock.advance(java.time.Duration.ofMinutes(5));
		InformationItem elsewhere = item(marker + "工地扬尘治理", "小区周边工地扬尘治理。", "办公室", "周敏",
				user("office"));
		AuthenticatedUser office = user("office");
		logIn(office);
		var all = items.search(new ItemFilter("小区 " + marker, null, null, null, null, null, null), dataScopes.current(),
				office, PageRequest.of(0, 20));
		assertThat(all.getContent()).extracting(InformationItem::getTitle)
			.containsExactly(elsewhere.getTitle(), newer.getTitle(), older.getTitle());
		assertThat(all.getTotalElements()).isEqualTo(3);
		var second = items.search(new ItemFilter("小区 " + marker, null, null, null, null, null, null),
				dataScopes.current(), office, PageRequest.of(1, 2));
		assertThat(second.getContent()).extracting(InformationItem::getTitle).containsExactly(older.getTitle());
		assertThat(items.search(new ItemFilter(marker, unitId("物业管理科"), ItemKind.GOVERNMENT, "NEW_HIGHLIGHT",
				ItemStatus.DRAFT, null, null), dataScopes.current(), office, PageRequest.of(0, 20)).getContent())
			.extracting(InformationItem::getTitle)
			.containsExactly(newer.getTitle(), older.getTitle());
		assertThat(items.list(new ItemFilter("电梯 " + marker, null, null, null, null, null, null), dataScopes.current(),
				office)).extracting(InformationItem::getTitle).containsExactly(newer.getTitle());

		AuthenticatedUser publicist = user("publicist");
		logIn(publicist);
		var mine = items.search(new ItemFilter(marker, null, null, null, null, null, null), dataScopes.current(),
				publicist, PageRequest.of(0, 20));
		assertThat(mine.getContent()).extracting(InformationItem::getTitle)
			.containsExactly(newer.getTitle(), older.getTitle());
		assertThat(mine.getTotalElements()).isEqualTo(2);
	}

}
