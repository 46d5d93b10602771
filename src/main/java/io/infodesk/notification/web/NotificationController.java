package io.infodesk.notification.web;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.notification.ChannelKind;
import io.infodesk.notification.NotificationType;
import io.infodesk.notification.Preferences;
import io.infodesk.notification.Notifications;
import io.infodesk.notification.internal.Notification;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.DateFormats;
import io.infodesk.shared.time.TimeConfiguration;
import io.infodesk.shared.web.BusinessException;
import io.infodesk.shared.web.FlashActions;
import io.infodesk.shared.web.ListSupport;

/**
 * The user's own inbox (issue 5, point 1): the bell in the top bar (polled by htmx), the list with type and read
 * filters, mark read, mark all read, and opening a notification's record. Every logged-in user, own notifications
 * only: the user id always comes from the principal, never from the request.
 */
@Controller
@RequestMapping("/notifications")
@PreAuthorize("isAuthenticated()")
class NotificationController {

	private static final DateTimeFormatter TIME = DateFormats.MINUTES;

	private final Notifications notifications;

	private final Preferences preferences;

	private final Texts texts;

	NotificationController(Notifications notifications, Preferences preferences, Texts texts) {
		this.notifications = notifications;
		this.preferences = preferences;
		this.texts = texts;
	}

	/** One line of the inbox. */
	record Row(Notification notification, String time) {
	}

	@GetMapping
	String list(@AuthenticationPrincipal AuthenticatedUser me, @RequestParam(required = false) String type,
			@RequestParam(required = false) String read, @RequestParam(defaultValue = "1") int page, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		NotificationType chosen = Arrays.stream(NotificationType.values())
			.filter(t -> t.name().equals(type))
			.findFirst()
			.orElse(null);
		String readState = "read".equals(read) || "unread".equals(read) ? read : null;
		Page<Notification> found = notifications.search(me.userId(), chosen, readState, ListSupport.page(page));
		List<Row> rows = found.getContent().stream().map(n -> new Row(n, TIME.format(n.getCreatedAt()))).toList();
		ListSupport.addPage(model, found, rows, ListSupport.Links.of("/notifications", request));
		model.addAttribute("types", NotificationType.values());
		model.addAttribute("type", chosen == null ? "" : chosen.name());
		model.addAttribute("read", readState == null ? "" : readState);
		model.addAttribute("unread", notifications.unreadCount(me.userId()));
		return ListSupport.view(request, response, "notification/fragments :: inboxTable", "notification/list");
	}

	/** The bell's content with the unread count, polled every 30 s by the top bar. */
	@GetMapping("/bell")
	String bell(@AuthenticationPrincipal AuthenticatedUser me, Model model) {
		model.addAttribute("unread", notifications.unreadCount(me.userId()));
		return "notification/fragments :: bellContent";
	}

	@PostMapping("/{id}/read")
	String markRead(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long id) {
		notifications.markRead(me.userId(), id);
		return "redirect:/notifications";
	}

	@PostMapping("/read-all")
	String markAllRead(@AuthenticationPrincipal AuthenticatedUser me) {
		notifications.markAllRead(me.userId());
		return "redirect:/notifications";
	}

	/** Marks the notification read and goes to its record (or back to the inbox when it has none). */
	@PostMapping("/{id}/open")
	String open(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long id) {
		return notifications.find(me.userId(), id).map(n -> {
			notifications.markRead(me.userId(), id);
			return n.getLink() == null ? "redirect:/notifications" : "redirect:" + n.getLink();
		}).orElse("redirect:/notifications");
	}

	@GetMapping("/preferences")
	String preferences(@AuthenticationPrincipal AuthenticatedUser me, Model model) {
		Map<NotificationType, Set<ChannelKind>> disabled = preferences.disabledKinds(me.userId());
		Map<String, Boolean> on = new LinkedHashMap<>();
		for (NotificationType type : NotificationType.values()) {
			for (ChannelKind kind : ChannelKind.values()) {
				on.put(type.name() + "_" + kind.name(), !disabled.getOrDefault(type, Set.of()).contains(kind));
			}
		}
		model.addAttribute("types", NotificationType.values());
		model.addAttribute("kinds", ChannelKind.values());
		model.addAttribute("on", on);
		Optional<Preferences.QuietHours> quiet = preferences.quietHours(me.userId());
		model.addAttribute("quietStart", quiet.map(q -> q.start().toString()).orElse(""));
		model.addAttribute("quietEnd", quiet.map(q -> q.end().toString()).orElse(""));
		model.addAttribute("digest", preferences.digest(me.userId()));
		return "notification/preferences";
	}

	/** Saves the choices: a checked box "on_TYPE" with value KIND keeps that kind on for that type. */
	@PostMapping("/preferences")
	String savePreferences(@AuthenticationPrincipal AuthenticatedUser me, HttpServletRequest request,
			@RequestParam(defaultValue = "") String quietStart, @RequestParam(defaultValue = "") String quietEnd,
			@RequestParam(defaultValue = "false") boolean digest, RedirectAttributes redirect) {
		Map<NotificationType, Set<ChannelKind>> disabled = new EnumMap<>(NotificationType.class);
		for (NotificationType type : NotificationType.values()) {
			String[] values = request.getParameterValues("on_" + type.name());
			Set<String> kept = values == null ? Set.of() : Set.of(values);
			Set<ChannelKind> off = EnumSet.noneOf(ChannelKind.class);
			for (ChannelKind kind : ChannelKind.values()) {
				if (!kept.contains(kind.name())) {
					off.add(kind);
				}
			}
			disabled.put(type, off);
		}
		return FlashActions.run(texts, redirect, "/notifications/preferences", "notification.preferences.saved", () -> {
			Preferences.QuietHours quiet = null;
			if (!quietStart.isBlank() || !quietEnd.isBlank()) {
				try {
					quiet = new Preferences.QuietHours(LocalTime.parse(quietStart), LocalTime.parse(quietEnd));
				}
				catch (DateTimeParseException ex) {
					throw new BusinessException("notification.preferences.quietInvalid");
				}
			}
			preferences.save(me.userId(), disabled, quiet);
			preferences.setDigest(me.userId(), digest);
		});
	}

}
