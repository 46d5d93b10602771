package io.infodesk.account.web;

import jakarta.validation.constraints.NotBlank;

/** The change-password form: the current password and the new one twice. */
record PasswordForm(@NotBlank(message = "{account.password.currentRequired}") String currentPassword,
		@NotBlank(message = "{account.password.required}") String newPassword,
		@NotBlank(message = "{account.password.repeatRequired}") String repeatPassword) {

	static PasswordForm empty() {
		return new PasswordForm("", "", "");
	}

	@Override
	public String toString() {
		return "PasswordForm[***]";
	}

}
