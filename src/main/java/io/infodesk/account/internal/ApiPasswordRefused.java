package io.infodesk.account.internal;

import org.springframework.security.authentication.BadCredentialsException;

/**
 * A privileged account (one that must use the second factor) sent its password to the API instead of an API token:
 * refused without checking the password, so such requests never lock the account (finding 4).
 */
class ApiPasswordRefused extends BadCredentialsException {

	ApiPasswordRefused() {
		super("用户名或密码错误");
	}

}
