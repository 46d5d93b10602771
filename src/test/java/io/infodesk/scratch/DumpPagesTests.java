package io.infodesk.scratch;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.infodesk.organization.OrgFixtures;
import io.infodesk.organization.OrganizationIntegrationTest;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;
import io.infodesk.organization.UnitType;

@OrganizationIntegrationTest
class DumpPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrgFixtures fixtures;

	@Test
	void dump() throws Exception {
		Unit lead = fixtures.unit("局领导班子", UnitType.LEADERSHIP);
		Person leader = fixtures.person(lead, "李明华", "副局长");
		Unit unit = fixtures.unit("物业管理科");
		Person p = fixtures.person(unit, "赵雪");
		fixtures.publicist(unit, p, java.time.LocalDate.of(2026, 1, 1));
		fixtures.inCharge(leader, unit, java.time.LocalDate.of(2026, 1, 1));
		Path dir = Path.of("target/pages");
		Files.createDirectories(dir);
		for (String url : new String[] { "/org/units", "/org/units/new", "/org/units/" + unit.getId() + "/edit", "/org/people",
				"/org/people/new", "/org/people/" + p.getId() + "/edit", "/org/people/import", "/org/leaders", "/org/leaders/new",
				"/org/publicists", "/org/publicists/new", "/org/chart", "/org/chart/data" }) {
			String body = mvc.perform(get(url).with(user(OrgFixtures.admin()))).andReturn().getResponse().getContentAsString();
			Files.writeString(dir.resolve(url.replace('/', '_') + ".html"), body);
		}
	}

}
