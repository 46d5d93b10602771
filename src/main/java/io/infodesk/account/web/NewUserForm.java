package io.infodesk.account.web;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.infodesk.account.Role;

/** The form that creates an account; the initial password is generated, never typed. */
record NewUserForm(
		@NotBlank(message = "{account.user.username.required}")
		@Pattern(regexp = "\\s*[A-Za-z0-9][A-Za-z0-9_.-]{1,49}\\s*", message = "{account.user.username.pattern}")
		String username,
		@NotBlank(message = "{account.user.displayName.required}")
		@Size(max = 50, message = "{account.user.displayName.tooLong}")
		String displayName,
		Long personId,
		@NotEmpty(message = "{account.user.roles.required}")
		Set<Role> roles) {

	static NewUserForm empty() {
		return new NewUserForm("", "", null, Set.of());
	}

}
