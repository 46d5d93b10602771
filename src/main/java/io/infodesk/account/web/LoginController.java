package io.infodesk.account.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	@GetMapping("/login")
	@PreAuthorize("permitAll()")
	String login() {
		return "account/login";
	}

}
