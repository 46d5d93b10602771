package io.infodesk.shared.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.CurrentUser;

/**
 * Puts the logged-in user into every page model as {@code me}: name, unit, roles and {@code me.can(..)}; and the
 * menu as {@code layoutMenu} (the layout's {@code th:utext} may not name a bean: {@code @…} is refused there).
 */
@ControllerAdvice
class LayoutModelAdvice {

	private final LayoutMenu layoutMenu;

	LayoutModelAdvice(LayoutMenu layoutMenu) {
		this.layoutMenu = layoutMenu;
	}

	@ModelAttribute("layoutMenu")
	LayoutMenu layoutMenu() {
		return layoutMenu;
	}

	@ModelAttribute("me")
	AuthenticatedUser me() {
		return CurrentUser.get().orElse(null);
	}

}
