package io.infodesk.account.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.account.internal.ApiTokens;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.FlashActions;

/**
 * One's own API tokens (issue 17): create (the secret shown once), list (prefix, scope, expiry, last use), revoke.
 * A privileged account uses a token as the password of the API's HTTP Basic authentication.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class TokensController {

	private final ApiTokens tokens;

	private final Texts texts;

	private final java.time.Clock clock;

	TokensController(ApiTokens tokens, Texts texts, java.time.Clock clock) {
		this.tokens = tokens;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping("/account/tokens")
	String list(Model model) {
		AuthenticatedUser me = CurrentUser.require();
		model.addAttribute("tokens", tokens.of(me.userId()));
		model.addAttribute("scopes", ApiTokens.Scope.values());
		model.addAttribute("now", java.time.Instant.now(clock));
		return "account/tokens";
	}

	@PostMapping("/account/tokens")
	String create(@RequestParam(required = false) String name, @RequestParam(required = false) ApiTokens.Scope scope,
			@RequestParam(required = false) Integer days, RedirectAttributes redirect) {
		AuthenticatedUser me = CurrentUser.require();
		return FlashActions.run(texts, redirect, "/account/tokens", () -> {
			ApiTokens.Issued issued = tokens.create(me.userId(), me.getUsername(), name, scope, days);
			redirect.addFlashAttribute("issuedToken", issued.secret());
			return null;
		});
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revoke(@PathVariable long id, RedirectAttributes redirect) {
		AuthenticatedUser me = CurrentUser.require();
		return FlashActions.run(texts, redirect, "/account/tokens", "account.token.revoked",
				() -> tokens.revoke(me.userId(), me.getUsername(), id));
	}

}
