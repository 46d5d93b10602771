package io.infodesk.account.internal;

import java.util.HashSet;
import java.util.Set;

import org.springframework.stereotype.Service;

import io.infodesk.account.Role;
import io.infodesk.organization.Organization;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;

/**
 * The data scope of the current user, computed on each call from their roles: the union of what
 * each role reaches (all units; the units a leader is in charge of today; the own unit).
 */
@Service
class RoleBasedDataScopes implements DataScopes {

	private final Organization organization;

	RoleBasedDataScopes(Organization organization) {
		this.organization = organization;
	}

	@Override
	public DataScope current() {
		return CurrentUser.get().map(this::scopeOf).orElse(DataScope.units(Set.of()));
	}

	@Override
	public DataScope scopeOf(AuthenticatedUser user) {
		Set<Long> units = new HashSet<>();
		for (String roleName : user.roles()) {
			Role role = Role.valueOf(roleName);
			switch (role.scopeRule()) {
				case ALL -> {
					return DataScope.all();
				}
				case UNITS_IN_CHARGE -> {
					if (user.personId() != null) {
						units.addAll(organization.unitsInChargeOf(user.personId()));
					}
					addOwnUnit(user, units);
				}
				case OWN_UNIT -> addOwnUnit(user, units);
			}
		}
		return DataScope.units(units);
	}

	/**
	 * The unit of the user's person as it is now, not as it was at login (finding 2: a person moved to another unit
	 * reads the new unit's records at once; their sessions opened in the old unit also end).
	 */
	private void addOwnUnit(AuthenticatedUser user, Set<Long> units) {
		Long unit = user.personId() == null ? user.unitId()
				: organization.person(user.personId()).map(io.infodesk.organization.Person::getUnitId).orElse(user.unitId());
		if (unit != null) {
			units.add(unit);
		}
	}

}
