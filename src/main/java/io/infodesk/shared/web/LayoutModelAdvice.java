package io.infodesk.shared.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.CurrentUser;

/** Puts the logged-in user into every page model as {@code me}: name, unit, roles and {@code me.can(..)}. */
@ControllerAdvice
class LayoutModelAdvice {

	@ModelAttribute("me")
	AuthenticatedUser me() {
		return CurrentUser.get().orElse(null);
	}

}
