package io.infodesk.reporting.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import io.infodesk.account.Role;
import io.infodesk.organization.People;
import io.infodesk.organization.Person;
import io.infodesk.organization.PersonForm;
import io.infodesk.organization.Unit;
import io.infodesk.organization.UnitForm;
import io.infodesk.organization.UnitType;
import io.infodesk.organization.Units;
import io.infodesk.reporting.AdministrativeLevel;
import io.infodesk.reporting.AuthorShare;
import io.infodesk.reporting.InformationAdopted;
import io.infodesk.reporting.InformationSubmitted;
import io.infodesk.reporting.item.Angle;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.InformationItems;
import io.infodesk.reporting.item.ItemForm;
import io.infodesk.reporting.item.ItemKind;
import io.infodesk.reporting.item.ItemStatus;
import io.infodesk.reporting.item.SourceTag;
import io.infodesk.reporting.item.VerificationForm;
import io.infodesk.reporting.item.VerificationMethod;
import io.infodesk.reporting.solicitation.Solicitations;
import io.infodesk.review.DocumentRef;
import io.infodesk.review.ReviewChains;
import io.infodesk.review.ReviewRole;
import io.infodesk.review.ReviewTrack;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.time.TimeConfiguration;
import io.infodesk.support.TestUsers;

/**
 * The reporting module on its own with its direct dependencies (organisation, audit, shared): recording an
 * adoption publishes {@link InformationAdopted} with what assessment needs to score it (S3.1-d), and a
 * submission publishes {@link InformationSubmitted}.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class AdoptionScenarioTests {

	/** The account module computes data scopes; it is not part of this module test. */
	@MockitoBean
	DataScopes dataScopes;

	@Autowired
	Units units;

	@Autowired
	People people;

	@Autowired
	InformationItems items;

	@Autowired
	ReviewChains reviewChains;

	@Autowired
	Submissions submissions;

	@Autowired
	Adoptions adoptions;

	@Autowired
	Solicitations solicitations;

	@Autowired
	Clock clock;

	/** A unit whose items go to a bureau leader for sign-off, and an item of it submitted to 区委办. */
	InformationItem submittedItem(Scenario scenario) {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		Unit unit = units.create(new UnitForm("模块测试科" + suffix, null, UnitType.SECTION, null, null, 900));
		Person writer = people.create(new PersonForm("甲" + suffix, unit.getId(), "科员", "", true, false, false, 0));
		Person coWriter = people.create(new PersonForm("乙" + suffix, unit.getId(), "科员", "", true, false, false, 0));
		Person leaderPerson = people.create(new PersonForm("丙" + suffix, unit.getId(), "局长", "", true, true, false, 0));
		AuthenticatedUser publicist = TestUsers.withRoles(writer.getId(), unit.getId(), Role.PUBLICIST);
		AuthenticatedUser office = TestUsers.withRoles(null, null, Role.OFFICE_EDITOR);
		AuthenticatedUser leader = TestUsers.withRoles(leaderPerson.getId(), unit.getId(), Role.BUREAU_LEADER);
		reviewChains.configure(InformationItem.DOCUMENT_TYPE, unit.getId(), ReviewTrack.NORMAL,
				List.of(ReviewRole.BUREAU_LEADER), office);

		InformationItem item = items.create(new ItemForm("模块测试信息" + suffix, ItemKind.GOVERNMENT, unit.getId(),
				"正文", Set.of(Angle.NEW_HIGHLIGHT), Set.of(SourceTag.CORE_DUTY),
				List.of(new ItemForm.AuthorEntry(writer.getId(), 60), new ItemForm.AuthorEntry(coWriter.getId(), 40)),
				0), publicist, DataScope.all());
		items.addVerification(item.getId(), new VerificationForm(VerificationMethod.DEPARTMENT_EXCHANGE, "甲", null,
				LocalDate.now(clock), "数据与统计部门一致"), publicist, DataScope.all());
		items.submitForReview(item.getId(), publicist, DataScope.all());
		reviewChains.approve(InformationItem.ref(item.getId()), 1, 0, null, leader);
		long body = solicitations.bodies().stream().filter(b -> b.getShortName().equals("区委办")).findFirst().orElseThrow().getId();
		scenario.stimulate(() -> submissions.record(item.getId(), new SubmissionForm(body, SubmissionChannel.PLATFORM,
				LocalDateTime.now(clock.withZone(TimeConfiguration.ZONE)), null), office, DataScope.all()))
			.andWaitForEventOfType(InformationSubmitted.class)
			.matchingMappedValue(InformationSubmitted::item, item.itemId())
			.toArriveAndVerify(submitted -> {
				assertThat(submitted.first()).isTrue();
				assertThat(submitted.bodyId()).isEqualTo(body);
			});
		return items.get(item.getId());
	}

	@Test
	void recordingAnAdoptionPublishesInformationAdopted(Scenario scenario) {
		InformationItem item = submittedItem(scenario);
		AuthenticatedUser office = TestUsers.withRoles(null, null, Role.OFFICE_EDITOR);

		scenario.stimulate(() -> adoptions.recordAdoption(item.getId(), new AdoptionForm("市《住建信息》", "2026年第45期",
				AdministrativeLevel.CITY, LocalDate.now(clock), "采用通知"), office, DataScope.all()))
			.andWaitForEventOfType(InformationAdopted.class)
			.matchingMappedValue(InformationAdopted::item, item.itemId())
			.toArriveAndVerify(adopted -> {
				assertThat(adopted.level()).isEqualTo(AdministrativeLevel.CITY);
				assertThat(adopted.on()).isEqualTo(LocalDate.now(clock));
				assertThat(adopted.unitId()).isEqualTo(item.getUnitId());
				assertThat(adopted.outlet()).isEqualTo("市《住建信息》");
				assertThat(adopted.authors()).extracting(AuthorShare::percent).containsExactly(60.0, 40.0);
			});
		assertThat(items.get(item.getId()).getStatus()).isEqualTo(ItemStatus.ADOPTED);
	}

}
