package io.infodesk.account.web;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import io.infodesk.account.Role;
import io.infodesk.account.UserAccount;

/** The form that edits an account: name, person and roles (the username never changes). */
record UserForm(
		@NotBlank(message = "{account.user.displayName.required}")
		@Size(max = 50, message = "{account.user.displayName.tooLong}")
		String displayName,
		Long personId,
		@NotEmpty(message = "{account.user.roles.required}")
		Set<Role> roles) {

	static UserForm of(UserAccount account) {
		return new UserForm(account.getDisplayName(), account.getPersonId(), Set.copyOf(account.getRoles()));
	}

}
