package io.infodesk.publicity.web;

import java.time.LocalDate;
import java.time.Clock;
import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.infodesk.account.Accounts;
import io.infodesk.account.UserAccount;
import io.infodesk.publicity.CalendarFeeds;
import io.infodesk.publicity.PublicityCalendar;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;

/**
 * The iCalendar feed of a user (S3.2-c), subscribed to without a login: the secret token in the URL is the
 * credential. A wrong or revoked token, or a holder who is disabled, locked or has lost {@code publicity:view}, gets
 * 401 with an empty body — nothing revealed. The feed holds three months back and a year ahead of what the holder's
 * data scope sees.
 */
@RestController
class CalendarFeedController {

	static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

	private final CalendarFeeds feeds;

	private final PublicityCalendar calendar;

	private final Accounts accounts;

	private final UserDetailsService users;

	private final DataScopes dataScopes;

	private final Texts texts;

	private final Clock clock;

	CalendarFeedController(CalendarFeeds feeds, PublicityCalendar calendar, Accounts accounts,
			UserDetailsService users, DataScopes dataScopes, Texts texts, Clock clock) {
		this.feeds = feeds;
		this.calendar = calendar;
		this.accounts = accounts;
		this.users = users;
		this.dataScopes = dataScopes;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping(CalendarFeeds.PATH + "{token}.ics")
	@PreAuthorize("permitAll()")
	ResponseEntity<String> downloadFeed(@PathVariable String token) {
		Optional<AuthenticatedUser> holder = feeds.holder(token).flatMap(accounts::find).flatMap(this::user)
			.filter(u -> u.isEnabled() && u.isAccountNonLocked() && u.can(Permissions.PUBLICITY_VIEW));
		if (holder.isEmpty()) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).cacheControl(CacheControl.noStore()).build();
		}
		LocalDate today = LocalDate.now(clock);
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		String ics = feeds.render(calendar.entries(today.minusMonths(3), today.plusYears(1),
				dataScopes.scopeOf(holder.get())), texts.get("publicity.calendar.feedName", holder.get().displayName()), base);
		return ResponseEntity.ok().contentType(TEXT_CALENDAR).cacheControl(CacheControl.noStore())
			.header("X-Robots-Tag", "noindex").body(ics);
	}

	private Optional<AuthenticatedUser> user(UserAccount account) {
		try {
			return Optional.of((AuthenticatedUser) users.loadUserByUsername(account.getUsername()));
		}
		catch (UsernameNotFoundException gone) {
			return Optional.empty();
		}
	}

}
