package io.infodesk.account;

import io.infodesk.shared.web.BusinessException;

/**
 * An account rule refused a change; nothing was written. Names the form field it concerns (or none
 * for the form as a whole) so that the page shows the Chinese message where it belongs.
 */
public class AccountRuleViolation extends BusinessException {

	public AccountRuleViolation(String field, String messageKey, Object... args) {
		super(field, messageKey, args);
	}

	public static AccountRuleViolation of(String messageKey, Object... args) {
		return new AccountRuleViolation(null, messageKey, args);
	}

}
