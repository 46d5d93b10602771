package io.infodesk.account.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.account.Accounts;
import io.infodesk.account.internal.AccountSessions;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.text.Texts;

/** One's own open sessions (device, address, start, last activity) with "end" for each (issue 17). */
@Controller
@PreAuthorize("isAuthenticated()")
class SessionsController {

	private final AccountSessions sessions;

	private final Accounts accounts;

	private final Texts texts;

	SessionsController(AccountSessions sessions, Accounts accounts, Texts texts) {
		this.sessions = sessions;
		this.accounts = accounts;
		this.texts = texts;
	}

	@GetMapping("/account/sessions")
	String list(HttpServletRequest request, Model model) {
		AuthenticatedUser me = CurrentUser.require();
		model.addAttribute("sessions", sessions.of(me.userId(), request.getSession().getId()));
		return "account/sessions";
	}

	@PostMapping("/account/sessions/{handle}/end")
	String end(@PathVariable String handle, RedirectAttributes redirect) {
		AuthenticatedUser me = CurrentUser.require();
		if (accounts.endOwnSession(me.userId(), handle)) {
			redirect.addFlashAttribute("flashSuccess", texts.get("account.sessions.ended"));
		}
		else {
			redirect.addFlashAttribute("flashError", texts.get("account.sessions.notFound"));
		}
		return "redirect:/account/sessions";
	}

}
