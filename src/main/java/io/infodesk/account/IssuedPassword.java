package io.infodesk.account;

/** An initial or temporary password, shown to the administrator once and never stored in clear. */
public record IssuedPassword(long accountId, String username, String password) {

	@Override
	public String toString() {
		return "IssuedPassword[" + username + "]";
	}

}
