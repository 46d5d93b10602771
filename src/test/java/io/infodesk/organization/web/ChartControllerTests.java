package io.infodesk.organization.web;

import static io.infodesk.organization.OrganizationTestConfiguration.TODAY;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.infodesk.organization.OrgFixtures;
import io.infodesk.organization.OrganizationIntegrationTest;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;
import io.infodesk.organization.UnitForm;
import io.infodesk.organization.UnitType;
import io.infodesk.organization.Units;

@OrganizationIntegrationTest
class ChartControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Units units;

	@Autowired
	OrgFixtures fixtures;

	@Test
	void thePageHasThePrintButtonTheChartAndItsTextVersion() throws Exception {
		Unit unit = fixtures.unit("图表测试科");
		Person person = fixtures.person(unit, "图表宣传员");
		fixtures.publicist(unit, person, TODAY);

		mvc.perform(get("/org/chart").with(user(OrgFixtures.admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-print")))
			.andExpect(content().string(containsString("id=\"org-chart\"")))
			.andExpect(content().string(containsString("data-url=\"/org/chart/data\"")))
			.andExpect(content().string(containsString("/webjars/echarts/")))
			.andExpect(content().string(containsString("/js/org-chart.js")))
			.andExpect(content().string(containsString("id=\"org-tree\"")))
			.andExpect(content().string(containsString(unit.getName())))
			.andExpect(content().string(containsString("信息宣传员：图表宣传员")))
			.andExpect(content().string(not(containsString("<script>"))));
	}

	@Test
	void theDataFollowsLeaderToUnitToHeadAndPublicists() throws Exception {
		Unit leadershipUnit = fixtures.unit("局领导班子", UnitType.LEADERSHIP);
		Person leader = fixtures.person(leadershipUnit, "图表领导", "副局长");
		Unit unit = fixtures.unit("图表分管科");
		Person head = fixtures.person(unit, "图表科长", "科长");
		units.update(unit.getId(), new UnitForm(unit.getName(), null, UnitType.SECTION, null, head.getId(), 0));
		fixtures.inCharge(leader, unit, TODAY.minusDays(1));
		Unit orphan = fixtures.unit("图表无人分管科");

		String leaderPath = "$..children[?(@.name == '图表领导（副局长）')]";
		mvc.perform(get("/org/chart/data").with(user(OrgFixtures.admin())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("bureau"))
			.andExpect(jsonPath(leaderPath + ".kind").value("leader"))
			.andExpect(jsonPath(leaderPath + ".children[0].name").value(unit.getName()))
			.andExpect(jsonPath(leaderPath + ".children[0].children[0].name").value("负责人：图表科长"))
			.andExpect(jsonPath(leaderPath + ".children[0].children[1].kind").value("no_publicist"))
			.andExpect(jsonPath("$.children[?(@.name == '" + orphan.getName() + "')].kind").value("unit"));
	}

	@Test
	void theDataNeedsTheViewPermission() throws Exception {
		var nobody = OrgFixtures.user("nobody", java.util.Set.of(), null, null);

		mvc.perform(get("/org/chart/data").with(user(nobody))).andExpect(status().isForbidden());
		mvc.perform(get("/org/chart").with(user(nobody))).andExpect(status().isForbidden());
		mvc.perform(get("/org/chart").accept("text/html")).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/org/chart/data")).andExpect(status().isUnauthorized());
		mvc.perform(get("/org/chart").header("HX-Request", "true"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Redirect", "/login"));
	}

}
