package io.infodesk.assessment.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.assessment.AssessmentException;
import io.infodesk.assessment.CapPeriod;
import io.infodesk.assessment.Recipient;
import io.infodesk.assessment.RuleValues;
import io.infodesk.assessment.ScoreKind;
import io.infodesk.assessment.ScoringRule;
import io.infodesk.assessment.ScoringRules;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.text.Texts;

/**
 * The rule book (考核规则, issue 4 point 1): everyone who sees the ranking sees the rules in force; the office
 * edits a rule by starting a new version from a day (the past stays as it was scored). Bad figures are shown under
 * their field and nothing is saved.
 */
@Controller
class RuleController {

	private final ScoringRules rules;

	private final Texts texts;

	private final Clock clock;

	RuleController(ScoringRules rules, Texts texts, Clock clock) {
		this.rules = rules;
		this.texts = texts;
		this.clock = clock;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@ModelAttribute("recipients")
	Recipient[] recipients() {
		return Recipient.values();
	}

	@ModelAttribute("capPeriods")
	CapPeriod[] capPeriods() {
		return CapPeriod.values();
	}

	@ModelAttribute("statuses")
	ScoringRule.RuleStatus[] statuses() {
		return ScoringRule.RuleStatus.values();
	}

	@GetMapping("/assessment/rules")
	@PreAuthorize("hasAuthority('assessment:view')")
	String list(Model model) {
		model.addAttribute("rules", rules.current());
		model.addAttribute("today", LocalDate.now(clock));
		return "assessment/rules";
	}

	@GetMapping("/assessment/rules/{ruleKey}/edit")
	@PreAuthorize("hasAuthority('assessment:manage')")
	String edit(@PathVariable String ruleKey, Model model) {
		List<ScoringRule> versions = existing(ruleKey);
		ScoringRule current = current(versions);
		RuleValues values = current.values().from(LocalDate.now(clock)).to(null).withNote(null);
		model.addAttribute("form", values);
		return form(ruleKey, versions, model);
	}

	@PostMapping("/assessment/rules/{ruleKey}/edit")
	@PreAuthorize("hasAuthority('assessment:manage')")
	String save(@PathVariable String ruleKey, @Valid @ModelAttribute("form") RuleValues form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		List<ScoringRule> versions = existing(ruleKey);
		if (result.hasErrors()) {
			return form(ruleKey, versions, model);
		}
		try {
			ScoringRule rule = rules.newVersion(ruleKey, form, CurrentUser.actorName());
			redirect.addFlashAttribute("flashSuccess", texts.get("assessment.rule.saved", rules.label(rule),
					rule.getVersion(), rule.getValidFrom()));
			return "redirect:/assessment/rules";
		}
		catch (AssessmentException ex) {
			String field = ex.field().orElse("validFrom");
			result.rejectValue(field, ex.messageKey(), ex.args(), ex.messageKey());
			return form(ruleKey, versions, model);
		}
	}

	private String form(String ruleKey, List<ScoringRule> versions, Model model) {
		ScoringRule current = current(versions);
		model.addAttribute("ruleKey", ruleKey);
		model.addAttribute("rule", current);
		model.addAttribute("label", rules.label(current));
		model.addAttribute("versions", versions.stream().sorted(java.util.Comparator.comparingInt(ScoringRule::getVersion).reversed()).toList());
		return "assessment/ruleForm";
	}

	private ScoringRule current(List<ScoringRule> versions) {
		LocalDate today = LocalDate.now(clock);
		return versions.stream().filter(rule -> rule.inForceOn(today)).findFirst().orElse(versions.get(versions.size() - 1));
	}

	private List<ScoringRule> existing(String ruleKey) {
		ScoreKind.ofKey(ruleKey);
		List<ScoringRule> versions = rules.versions(ruleKey);
		if (versions.isEmpty()) {
			throw AssessmentException.of("assessment.rule.notFound");
		}
		return versions;
	}

}
