package io.infodesk.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import io.infodesk.organization.Organization;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;

/** Each scope rule of {@link io.infodesk.account.Role}, alone and combined. */
class RoleBasedDataScopesTests {

	static final long OWN_UNIT = 10L;

	static final long LEADER_PERSON = 7L;

	Organization organization = mock(Organization.class);

	RoleBasedDataScopes scopes = new RoleBasedDataScopes(organization);

	@AfterEach
	void clearContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void administratorsBureauLeadersOfficeAndPersonnelSeeEveryUnit() {
		for (String role : Set.of("ADMIN", "BUREAU_LEADER", "OFFICE_EDITOR", "PERSONNEL")) {
			DataScope scope = scopes.scopeOf(user(null, OWN_UNIT, role));
			assertThat(scope).as(role).isInstanceOf(DataScope.All.class);
			assertThat(scope.includes(999L)).isTrue();
		}
		verifyNoInteractions(organization);
	}

	@Test
	void unitHeadsPublicistsAndStaffSeeOnlyTheirOwnUnit() {
		for (String role : Set.of("UNIT_HEAD", "PUBLICIST", "STAFF")) {
			DataScope scope = scopes.scopeOf(user(3L, OWN_UNIT, role));
			assertThat(scope).as(role).isEqualTo(DataScope.units(Set.of(OWN_UNIT)));
			assertThat(scope.includes(OWN_UNIT)).isTrue();
			assertThat(scope.includes(11L)).isFalse();
		}
	}

	@Test
	void aLeaderInChargeSeesTheUnitsInTheirChargeAndTheirOwn() {
		when(organization.unitsInChargeOf(LEADER_PERSON)).thenReturn(Set.of(21L, 22L));
		DataScope scope = scopes.scopeOf(user(LEADER_PERSON, 1L, "LEADER_IN_CHARGE"));
		assertThat(scope).isEqualTo(DataScope.units(Set.of(1L, 21L, 22L)));
		assertThat(scope.includes(23L)).isFalse();
	}

	@Test
	void aLeaderInChargeWithoutAPersonSeesNothing() {
		DataScope scope = scopes.scopeOf(user(null, null, "LEADER_IN_CHARGE"));
		assertThat(scope).isEqualTo(DataScope.units(Set.of()));
		verifyNoInteractions(organization);
	}

	@Test
	void anAccountWithoutUnitOrRoleSeesNothing() {
		assertThat(scopes.scopeOf(user(null, null, "STAFF")).includes(OWN_UNIT)).isFalse();
		assertThat(scopes.scopeOf(user(null, OWN_UNIT)).includes(OWN_UNIT)).isFalse();
	}

	@Test
	void severalRolesUniteTheirScopesAndAnAllRoleWins() {
		when(organization.unitsInChargeOf(LEADER_PERSON)).thenReturn(Set.of(21L));
		assertThat(scopes.scopeOf(user(LEADER_PERSON, OWN_UNIT, "LEADER_IN_CHARGE", "PUBLICIST")))
			.isEqualTo(DataScope.units(Set.of(OWN_UNIT, 21L)));
		assertThat(scopes.scopeOf(user(LEADER_PERSON, OWN_UNIT, "LEADER_IN_CHARGE", "OFFICE_EDITOR")))
			.isInstanceOf(DataScope.All.class);
	}

	@Test
	void theCurrentScopeIsTheLoggedInUsersAndEmptyForNobody() {
		assertThat(scopes.current().includes(OWN_UNIT)).isFalse();
		AuthenticatedUser staff = user(3L, OWN_UNIT, "STAFF");
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(staff, null, staff.getAuthorities()));
		assertThat(scopes.current().includes(OWN_UNIT)).isTrue();
		scopes.check(OWN_UNIT);
		assertThatThrownBy(() -> scopes.check(11L)).isInstanceOf(AccessDeniedException.class);
	}

	static AuthenticatedUser user(Long personId, Long unitId, String... roles) {
		return new AuthenticatedUser(1L, "u", "x", "u", personId, unitId, null, Set.of(roles), Set.of(), true, false,
				false);
	}

}
