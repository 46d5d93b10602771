package io.infodesk.notification.web;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.account.AccountFilter;
import io.infodesk.account.Accounts;
import io.infodesk.account.UserAccount;
import io.infodesk.notification.ChannelKind;
import io.infodesk.notification.internal.Channel;
import io.infodesk.notification.internal.Channels;
import io.infodesk.notification.internal.Deliveries;
import io.infodesk.organization.Unit;
import io.infodesk.organization.Units;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.DateFormats;
import io.infodesk.shared.time.TimeConfiguration;
import io.infodesk.shared.web.BusinessException;
import io.infodesk.shared.web.FlashActions;

/**
 * The admin's channel page (issue 5, point 2): the SMTP server (the password is never shown), the channels of
 * units and users with their health (failing channels are marked), "send test", and the latest delivery attempts.
 */
@Controller
@RequestMapping("/admin/notification-channels")
@PreAuthorize("hasAuthority('notification:channel:manage')")
class ChannelAdminController {

	private static final DateTimeFormatter TIME = DateFormats.SECONDS;

	private static final String PATH = "/admin/notification-channels";

	private static final String PAGE = "redirect:" + PATH;

	private final Channels channels;

	private final Deliveries deliveries;

	private final Units units;

	private final Accounts accounts;

	private final Texts texts;

	ChannelAdminController(Channels channels, Deliveries deliveries, Units units, Accounts accounts,
			Texts texts) {
		this.channels = channels;
		this.deliveries = deliveries;
		this.units = units;
		this.accounts = accounts;
		this.texts = texts;
	}

	/**
	 * A channel as the page lists it: owner's name, the address with its query values masked (robot addresses
	 * carry their access key there) and the time of its last failure.
	 */
	record ChannelRow(Channel channel, String owner, String target, String lastFailure) {
	}

	static String masked(String target) {
		int query = target.indexOf('?');
		if (query < 0) {
			return target;
		}
		return target.substring(0, query + 1) + target.substring(query + 1).replaceAll("=([^&]{0,4})[^&]*", "=$1****");
	}

	/** An attempt as the page lists it. */
	record AttemptRow(String time, String channel, boolean success, String error) {
	}

	@GetMapping
	String page(Model model) {
		Map<Long, String> unitNames = units.all().stream().collect(Collectors.toMap(Unit::getId, Unit::getName));
		Map<Long, String> userNames = accounts.searchAll(AccountFilter.none())
			.stream()
			.collect(Collectors.toMap(UserAccount::getId, UserAccount::getDisplayName));
		Map<Long, Channel> byId = channels.all().stream().collect(Collectors.toMap(Channel::getId, Function.identity()));
		model.addAttribute("channels", channels.all().stream().map(c -> new ChannelRow(c,
				c.getOwnerUnitId() != null ? unitNames.getOrDefault(c.getOwnerUnitId(), "")
						: userNames.getOrDefault(c.getOwnerUserId(), ""),
				masked(c.getTarget()), c.getLastFailureAt() == null ? "" : TIME.format(c.getLastFailureAt()))).toList());
		model.addAttribute("attempts", channels.recentAttempts().stream().map(a -> new AttemptRow(
				TIME.format(a.getAttemptedAt()),
				Optional.ofNullable(byId.get(a.getChannelId())).map(Channel::getName).orElse(""), a.isSuccess(),
				a.getError())).toList());
		model.addAttribute("smtp", channels.smtp().orElse(null));
		model.addAttribute("kinds", ChannelKind.values());
		model.addAttribute("units", units.active());
		model.addAttribute("users", accounts.searchAll(AccountFilter.none()));
		return "notification/channels";
	}

	@PostMapping("/smtp")
	String saveSmtp(@RequestParam(defaultValue = "") String host, @RequestParam(defaultValue = "0") int port,
			@RequestParam(required = false) String username, @RequestParam(required = false) String password,
			@RequestParam(defaultValue = "") String fromAddress, @RequestParam(defaultValue = "false") boolean starttls,
			RedirectAttributes redirect) {
		return FlashActions.run(texts, redirect, PATH, "notification.smtp.saved",
				() -> channels.saveSmtp(host, port, username, password, fromAddress, starttls));
	}

	@PostMapping("/new")
	String create(@RequestParam(required = false) ChannelKind kind, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String target, @RequestParam(required = false) String secret,
			@RequestParam(required = false) Long unitId, @RequestParam(required = false) Long userId,
			RedirectAttributes redirect) {
		return FlashActions.run(texts, redirect, PATH, "notification.channel.created", () -> {
			channels.check(kind, name, target, unitId, userId);
			if (userId != null && userId != CurrentUser.require().userId()) {
				// a personal channel receives the user's notices: an administrator attaches one to no one but
				// themselves (issue 17, finding 7); unit channels are kept here for the units
				throw new BusinessException("notification.channel.onlyOwn");
			}
			channels.create(kind, name, target, secret, unitId, userId);
		});
	}

	@PostMapping("/{id}/test")
	String sendTest(@PathVariable long id, RedirectAttributes redirect) {
		if (channels.find(id).isEmpty()) {
			redirect.addFlashAttribute("flashError", texts.get("notification.channel.notFound"));
			return PAGE;
		}
		Optional<String> error = deliveries.sendTest(id);
		if (error.isEmpty()) {
			redirect.addFlashAttribute("flashSuccess", texts.get("notification.test.sent"));
		}
		else {
			// neutral: the reason (refused, timed out, an HTTP status) stays in the server log and the attempts, so that
			// "send test" is no scanner of the server's network (issue 17, finding 7)
			redirect.addFlashAttribute("flashError", texts.get("notification.test.failedNeutral"));
		}
		return PAGE;
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		channels.delete(id);
		redirect.addFlashAttribute("flashSuccess", texts.get("notification.channel.deleted"));
		return PAGE;
	}

}
