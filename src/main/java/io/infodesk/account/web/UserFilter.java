package io.infodesk.account.web;

import java.util.Arrays;

import io.infodesk.account.AccountFilter;
import io.infodesk.account.AccountStatus;
import io.infodesk.account.Role;

/** The filter bar of the account list as typed; unknown role or status values are ignored. */
record UserFilter(String keyword, String role, String status) {

	AccountFilter toFilter() {
		return new AccountFilter(keyword == null || keyword.isBlank() ? null : keyword.trim(), parse(Role.class, role),
				parse(AccountStatus.class, status));
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null) {
			return null;
		}
		return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst().orElse(null);
	}

}
