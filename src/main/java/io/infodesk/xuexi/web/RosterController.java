package io.infodesk.xuexi.web;

import java.util.List;

import jakarta.validation.ConstraintViolationException;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.organization.Organization;
import io.infodesk.organization.People;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.BusinessException;
import io.infodesk.shared.web.FlashActions;
import io.infodesk.xuexi.RosterForm;
import io.infodesk.xuexi.RosterMember;
import io.infodesk.xuexi.XuexiRoster;

/** The roster (S3.4-a): list, enrol from the organisation, edit the platform identity, unmatched members. */
@Controller
@RequestMapping("/xuexi/roster")
class RosterController {

	private final XuexiRoster roster;

	private final Organization organization;

	private final People people;

	private final DataScopes dataScopes;

	private final Texts texts;

	RosterController(XuexiRoster roster, Organization organization, People people, DataScopes dataScopes, Texts texts) {
		this.roster = roster;
		this.organization = organization;
		this.people = people;
		this.dataScopes = dataScopes;
		this.texts = texts;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('xuexi:view')")
	String showRoster(@RequestParam(required = false) Long unitId, Model model) {
		var scope = dataScopes.current();
		List<XuexiRoster.Line> lines = roster.lines(scope, unitId);
		model.addAttribute("lines", lines);
		model.addAttribute("unitId", unitId);
		model.addAttribute("units", organization.activeUnits().stream().filter(u -> scope.includes(u.getId())).toList());
		model.addAttribute("unmatched", roster.unmatched());
		model.addAttribute("people", people.activeIn(scope));
		return "xuexi/roster";
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('xuexi:view')")
	ResponseEntity<byte[]> exportRoster(@RequestParam(required = false) Long unitId) {
		List<XuexiRoster.Line> lines = roster.lines(dataScopes.current(), unitId);
		byte[] xlsx = ExcelExporter.withColumns(List.<ExcelExporter.Column<XuexiRoster.Line>>of(
				ExcelExporter.Column.of(texts.get("xuexi.col.name"), XuexiRoster.Line::name),
				ExcelExporter.Column.of(texts.get("xuexi.col.unit"), XuexiRoster.Line::unitName),
				ExcelExporter.Column.of(texts.get("xuexi.col.cadre"), l -> yesNo(l.cadre())),
				ExcelExporter.Column.of(texts.get("xuexi.col.requiredFlag"), l -> yesNo(l.member().isRequired())),
				ExcelExporter.Column.of(texts.get("xuexi.col.platformName"), l -> l.member().getPlatformName()),
				ExcelExporter.Column.of(texts.get("xuexi.col.platformPhone"), l -> l.member().getPlatformPhone()),
				ExcelExporter.Column.of(texts.get("xuexi.col.platformMemberId"), l -> l.member().getPlatformMemberId()),
				ExcelExporter.Column.of(texts.get("xuexi.col.platformOrg"), l -> l.member().getPlatformOrg()),
				ExcelExporter.Column.of(texts.get("xuexi.col.registeredFlag"), l -> yesNo(l.member().isRegistered())),
				ExcelExporter.Column.of(texts.get("xuexi.col.registeredOn"), l -> l.member().getRegisteredOn())))
			.export(texts.get("xuexi.roster.title"), lines);
		return ExcelDownload.of(texts.get("xuexi.roster.fileName"), "xuexi-roster.xlsx", xlsx);
	}

	private String yesNo(boolean flag) {
		return texts.get(flag ? "common.yes" : "common.no");
	}

	@PostMapping("/enrol")
	@PreAuthorize("hasAuthority('xuexi:manage')")
	String enrol(@RequestParam(required = false) Long unitId, @RequestParam(defaultValue = "false") boolean everyone,
			RedirectAttributes redirect) {
		int added = roster.enrol(unitId, everyone, dataScopes.current());
		redirect.addFlashAttribute("flashSuccess", texts.get("xuexi.roster.enrolled", added));
		return "redirect:/xuexi/roster";
	}

	@GetMapping("/{memberId}/edit")
	@PreAuthorize("hasAuthority('xuexi:manage')")
	String initUpdateForm(@PathVariable long memberId, Model model) {
		RosterMember member = roster.get(memberId);
		dataScopes.check(member.getUnitId());
		return form(member, RosterForm.of(member), null, model);
	}

	private String form(RosterMember member, RosterForm form, String error, Model model) {
		model.addAttribute("member", member);
		model.addAttribute("person", organization.person(member.getPersonId()).orElseThrow());
		model.addAttribute("unitName", organization.unit(member.getUnitId()).map(u -> u.getName()).orElse(""));
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		return "xuexi/rosterForm";
	}

	@PostMapping("/{memberId}/edit")
	@PreAuthorize("hasAuthority('xuexi:manage')")
	String processUpdateForm(@PathVariable long memberId, @ModelAttribute("form") RosterForm form, Model model,
			RedirectAttributes redirect) {
		RosterMember member = roster.get(memberId);
		try {
			roster.update(memberId, form, dataScopes.current());
		}
		catch (BusinessException refused) {
			return form(member, form, texts.get(refused.messageKey(), refused.args()), model);
		}
		catch (ConstraintViolationException invalid) {
			String message = invalid.getConstraintViolations().iterator().next().getMessage();
			return form(member, form, message, model);
		}
		redirect.addFlashAttribute("flashSuccess", texts.get("xuexi.roster.saved"));
		return "redirect:/xuexi/roster";
	}

	@PostMapping("/unmatched/{unmatchedId}/match")
	@PreAuthorize("hasAuthority('xuexi:manage')")
	String match(@PathVariable long unmatchedId, @RequestParam(required = false) Long personId,
			RedirectAttributes redirect) {
		return FlashActions.run(texts, redirect, "/xuexi/roster", "xuexi.unmatched.matched", () -> {
			if (personId == null) {
				throw new BusinessException("xuexi.unmatched.personMissing");
			}
			roster.match(unmatchedId, personId, dataScopes.current());
		});
	}

	@PostMapping("/unmatched/{unmatchedId}/ignore")
	@PreAuthorize("hasAuthority('xuexi:manage')")
	String ignore(@PathVariable long unmatchedId, RedirectAttributes redirect) {
		return FlashActions.run(texts, redirect, "/xuexi/roster", "xuexi.unmatched.ignoredToast",
				() -> roster.ignore(unmatchedId));
	}

}
