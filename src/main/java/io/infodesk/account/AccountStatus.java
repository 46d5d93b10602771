package io.infodesk.account;

/**
 * What an account may do now: log in (正常), not until unlocked or the lockout ends (锁定), not at all
 * (停用). Labels are message keys {@code account.status.<NAME>}.
 */
public enum AccountStatus {

	/** 正常 */
	ACTIVE,
	/** 锁定 */
	LOCKED,
	/** 停用 */
	DISABLED

}
