package io.infodesk.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.account.AccountRuleViolation;
import io.infodesk.account.Accounts;
import io.infodesk.account.internal.PasswordPolicy;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.FormErrors;

/**
 * Every user changes their own password here; users with an initial or reset password are sent
 * here until they do (see {@code PasswordChangeEnforcer}).
 */
@Controller
@RequestMapping("/account/password")
@PreAuthorize("isAuthenticated()")
class PasswordController {

	private static final String VIEW = "account/password";

	private final Accounts accounts;

	private final Texts texts;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final PasswordPolicy policy;

	PasswordController(Accounts accounts, Texts texts, PasswordPolicy policy) {
		this.accounts = accounts;
		this.texts = texts;
		this.policy = policy;
	}

	/** The rules in force, as the security administrator set them (issue 17). */
	@ModelAttribute("passwordRules")
	String passwordRules() {
		return texts.get("account.password.rules", policy.arguments());
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping
	String initForm(Model model) {
		model.addAttribute("form", PasswordForm.empty());
		return VIEW;
	}

	@PostMapping
	String processForm(@Valid @ModelAttribute("form") PasswordForm form, BindingResult result,
			RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		if (result.hasErrors()) {
			return VIEW;
		}
		AuthenticatedUser me = CurrentUser.require();
		try {
			accounts.changeOwnPassword(me.userId(), form.currentPassword(), form.newPassword(), form.repeatPassword());
		}
		catch (AccountRuleViolation violation) {
			FormErrors.reject(result, violation);
			return VIEW;
		}
		// the session's principal no longer needs a change: the enforcer stops redirecting
		me.passwordChanged();
		contexts.saveContext(SecurityContextHolder.getContext(), request, response);
		redirect.addFlashAttribute("flashSuccess", texts.get("account.password.changed"));
		return "redirect:/";
	}

}
