package io.infodesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import io.infodesk.account.Role;
import io.infodesk.audit.MutableClockConfiguration;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.support.TestUsers;

/**
 * The menu of every page, rendered once per set of permissions and active entry (issue 16): what a user sees is what
 * their permissions allow, the active entry follows the page, and a user whose permissions change sees the new menu
 * at once — the permissions are the cache's key, nothing to invalidate.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
@Import(MutableClockConfiguration.class)
class LayoutMenuTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	LayoutMenu menu;

	private Document page(String path, AuthenticatedUser as) throws Exception {
		return Jsoup.parse(mvc.perform(get(path).with(user(as))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString());
	}

	private static List<String> links(Document page) {
		return page.select("nav.app-sidebar a.nav-link").eachAttr("href");
	}

	private static Element active(Document page) {
		return page.selectFirst("nav.app-sidebar a.nav-link.active");
	}

	@Test
	void theMenuShowsWhatThePermissionsAllowWithThePageActive() throws Exception {
		AuthenticatedUser staff = TestUsers.withRoles(null, null, Role.STAFF);
		Document items = page("/reporting/items", staff);
		assertThat(links(items)).contains("/reporting/items", "/reporting/adoptions", "/assessment")
			.doesNotContain("/admin/users", "/admin/audit", "/reporting/chains");
		assertThat(active(items).attr("href")).isEqualTo("/reporting/items");
		assertThat(items.select("nav.app-sidebar a.nav-link.active")).hasSize(1);
		// the same user on another page: the same menu with that page's entry active
		Document adoptions = page("/reporting/adoptions", staff);
		assertThat(links(adoptions)).isEqualTo(links(items));
		assertThat(active(adoptions).attr("href")).isEqualTo("/reporting/adoptions");
		assertThat(adoptions.select("nav.app-sidebar a.nav-link.active")).hasSize(1);
	}

	@Test
	void aChangeOfPermissionsShowsTheNewMenuAtOnce() throws Exception {
		AuthenticatedUser before = TestUsers.withRoles(null, null, Role.STAFF);
		assertThat(links(page("/reporting/items", before))).doesNotContain("/reporting/chains", "/admin/users");
		// the same account given the office's role (a new login, or the session refreshed with the new roles)
		AuthenticatedUser after = new AuthenticatedUser(before.userId(), before.getUsername(), "{noop}unused",
				before.displayName(), null, null, null, java.util.Set.of(Role.STAFF.name(), Role.OFFICE_EDITOR.name()),
				TestUsers.withRoles(null, null, Role.STAFF, Role.OFFICE_EDITOR).permissions(), true, false, false);
		Document changed = page("/reporting/items", after);
		assertThat(links(changed)).contains("/reporting/chains", "/reporting/bulletins");
		// and back: the first menu again, never the office's
		assertThat(links(page("/reporting/items", before))).doesNotContain("/reporting/chains");
	}

	@Test
	void aMenuIsRenderedOncePerPermissionsAndEntry() throws Exception {
		AuthenticatedUser one = TestUsers.withRoles(null, null, Role.PUBLICIST, Role.STAFF);
		AuthenticatedUser other = TestUsers.withRoles(null, null, Role.STAFF, Role.PUBLICIST); // same permissions
		Document first = page("/reporting/solicitations", one);
		int kept = menu.size();
		Document second = page("/reporting/solicitations", other);
		assertThat(menu.size()).isEqualTo(kept);
		assertThat(second.selectFirst("nav.app-sidebar").outerHtml()).isEqualTo(first.selectFirst("nav.app-sidebar").outerHtml());
		page("/reporting/adoptions", other);
		assertThat(menu.size()).isEqualTo(kept + 1);
	}

}
