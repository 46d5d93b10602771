package io.infodesk.dashboard.web;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Unit;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.security.Permissions;

/**
 * The home dashboard: the assessment panel for the user's role ({@link AssessmentPanel}: the leaders' overview, or
 * the own unit's position), then the units in the user's scope, their people and publicists.
 */
@Controller
class HomeController {

	private final Organization organization;

	private final DataScopes dataScopes;

	private final AssessmentPanel assessment;

	private final io.infodesk.xuexi.XuexiFigures xuexi;

	private final io.infodesk.publicity.FollowThrough followThrough;

	private final java.time.Clock clock;

	HomeController(Organization organization, DataScopes dataScopes, AssessmentPanel assessment,
			io.infodesk.xuexi.XuexiFigures xuexi, io.infodesk.publicity.FollowThrough followThrough, java.time.Clock clock) {
		this.followThrough = followThrough;
		this.clock = clock;
		this.organization = organization;
		this.dataScopes = dataScopes;
		this.assessment = assessment;
		this.xuexi = xuexi;
	}

	public record UnitRow(Unit unit, long people, int publicists) {

		public boolean withoutPublicist() {
			return publicists == 0 && unit.getType() != io.infodesk.organization.UnitType.LEADERSHIP;
		}

	}

	@GetMapping("/")
	@PreAuthorize("hasAuthority('dashboard:view')")
	String home(Model model) {
		DataScope scope = dataScopes.current();
		List<UnitRow> rows = organization.activeUnits()
			.stream()
			.filter(unit -> scope.includes(unit.getId()))
			.map(unit -> new UnitRow(unit,
					organization.peopleOf(unit.getId()).stream().filter(p -> p.isActive()).count(),
					organization.currentPublicistsOf(unit.getId()).size()))
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("unitCount", rows.size());
		model.addAttribute("personCount", rows.stream().mapToLong(UnitRow::people).sum());
		model.addAttribute("publicistCount", rows.stream().mapToInt(UnitRow::publicists).sum());
		model.addAttribute("withoutPublicist", rows.stream().filter(UnitRow::withoutPublicist).count());
		AuthenticatedUser me = CurrentUser.require();
		if (me.can(Permissions.ASSESSMENT_VIEW)) {
			if (AssessmentPanel.forLeaders(me)) {
				model.addAttribute("asmLeaders", assessment.leaders(me));
			}
			else {
				assessment.own(me).ifPresent(own -> model.addAttribute("asmOwn", own));
			}
		}
		if (me.can(Permissions.XUEXI_VIEW)) {
			model.addAttribute("xuexiFigures", xuexi.yearToDate(scope));
		}
		if (me.can(Permissions.PUBLICITY_VIEW)) {
			// the plans' follow-through: the own unit's, or the bureau's for 组织人事科 and leaders (issue 12, point 6)
			model.addAttribute("publicityProgress", followThrough.summary(java.time.LocalDate.now(clock).getYear(), scope));
		}
		return "dashboard/home";
	}

}
