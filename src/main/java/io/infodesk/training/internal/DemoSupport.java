package io.infodesk.training.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.shared.security.AuthenticatedUser;

/** What the training module's demo seeders share: the demo login they act as, and the demo people they name. */
final class DemoSupport {

	private DemoSupport() {
	}

	/** The demo account, if the demo accounts exist. */
	static Optional<AuthenticatedUser> login(UserDetailsService users, String username) {
		try {
			return Optional.of((AuthenticatedUser) users.loadUserByUsername(username));
		}
		catch (UsernameNotFoundException missing) {
			return Optional.empty();
		}
	}

	/** The people named as {unit, name} pairs, in that order; empty when one of them is missing. */
	static List<Person> people(Organization organization, String[]... names) {
		List<Person> people = new ArrayList<>();
		for (String[] name : names) {
			organization.personNamed(name[0], name[1]).ifPresent(people::add);
		}
		return people.size() == names.length ? people : List.of();
	}

	/**
	 * Runs the seeding as the given account (the audit trail names it), then restores the security context as it was
	 * (cleared when there was none; so a judge's sheet may be written inside the organiser's seeding).
	 */
	static void as(AuthenticatedUser user, Runnable seeding) {
		var previous = SecurityContextHolder.getContext().getAuthentication();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		try {
			seeding.run();
		}
		finally {
			if (previous == null) {
				SecurityContextHolder.clearContext();
			}
			else {
				SecurityContextHolder.getContext().setAuthentication(previous);
			}
		}
	}

}
