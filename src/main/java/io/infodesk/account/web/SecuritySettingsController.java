package io.infodesk.account.web;

import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.account.Accounts;
import io.infodesk.account.Role;
import io.infodesk.account.internal.SecuritySettings;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.FlashActions;

/**
 * The security settings (issue 17): which roles must use the second factor and how many sessions an account may hold
 * at once, the password policy (all audited); and the reset of a user's second factor.
 */
@Controller
@RequestMapping("/admin/security")
@PreAuthorize("hasAuthority('account:security:manage')")
class SecuritySettingsController {

	private final SecuritySettings settings;

	private final Accounts accounts;

	private final Texts texts;

	SecuritySettingsController(SecuritySettings settings, Accounts accounts, Texts texts) {
		this.settings = settings;
		this.accounts = accounts;
		this.texts = texts;
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("roles", Role.values());
		model.addAttribute("factorRoles", settings.factorRoles());
		model.addAttribute("maxSessions", settings.maxSessions());
		model.addAttribute("enforced", settings.factorEnforced());
		model.addAttribute("passwordRules", settings.passwordRules());
		model.addAttribute("expiryEnforced", settings.expiryEnforced());
		return "account/securitySettings";
	}

	/** The password policy (issue 17, GB/T 22239 8.1.4.1 a), audited; nothing saved when one value is out of range. */
	@PostMapping("/password")
	String savePasswordPolicy(@RequestParam(required = false) Integer passwordMinLength,
			@RequestParam(required = false) Integer passwordMinClasses, @RequestParam(required = false) Integer passwordHistory,
			@RequestParam(required = false) Integer passwordExpiryDays, RedirectAttributes redirect) {
		return FlashActions.run(texts, redirect, "/admin/security", "common.saved", () -> settings
			.updatePasswordRules(passwordMinLength, passwordMinClasses, passwordHistory, passwordExpiryDays));
	}

	@PostMapping
	String save(@RequestParam(required = false) Set<Role> factorRoles, @RequestParam(required = false) Integer maxSessions,
			RedirectAttributes redirect) {
		return FlashActions.run(texts, redirect, "/admin/security", "common.saved",
				() -> settings.update(factorRoles, maxSessions));
	}

	@PostMapping("/users/{id}/reset-factor")
	String resetFactor(@PathVariable long id, RedirectAttributes redirect) {
		return FlashActions.run(texts, redirect, "/admin/users",
				() -> texts.get("account.factor.resetDone", accounts.resetFactor(id)));
	}

}
