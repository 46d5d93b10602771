package io.infodesk.account;

/** The filter of the account list: a keyword in username or name, a role, a status; each may be empty. */
public record AccountFilter(String keyword, Role role, AccountStatus status) {

	public static AccountFilter none() {
		return new AccountFilter(null, null, null);
	}

}
