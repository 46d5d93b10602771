package io.infodesk.account.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.infodesk.account.Accounts;
import io.infodesk.organization.PersonChanged;

/**
 * A person deactivated in the organisation can no longer log in: their account is disabled (audited). A person moved
 * to another unit has their sessions opened in the old unit ended (their data scope was read at login).
 */
@Component
class DeactivatedPersonListener {

	private final Accounts accounts;

	DeactivatedPersonListener(Accounts accounts) {
		this.accounts = accounts;
	}

	@ApplicationModuleListener
	void on(PersonChanged event) {
		if (!event.active()) {
			accounts.disableAccountsOf(event.personId());
		}
		else {
			accounts.personMoved(event.personId(), event.unitId());
		}
	}

}
