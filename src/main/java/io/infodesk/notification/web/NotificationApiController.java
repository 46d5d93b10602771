package io.infodesk.notification.web;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.infodesk.notification.NotificationType;
import io.infodesk.notification.Notifications;
import io.infodesk.notification.internal.Notification;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.ApiNotFound;
import io.infodesk.shared.web.ApiSupport;

/**
 * The caller's own inbox over the REST API: the list (type and read filters, newest first) with the unread count,
 * marking one notification read and marking all read. Every logged-in user, own notifications only: the user comes
 * from the credentials, never from the request; another user's notification is answered 404.
 */
@RestController
@RequestMapping(path = "/api/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("isAuthenticated()")
@Tag(name = "通知", description = "本人的站内通知")
class NotificationApiController {

	private final Notifications notifications;

	private final Texts texts;

	NotificationApiController(Notifications notifications, Texts texts) {
		this.notifications = notifications;
		this.texts = texts;
	}

	@Schema(name = "Notification", description = "一条站内通知")
	record NotificationJson(long id, NotificationType type, @Schema(example = "待审核") String typeLabel,
			@Schema(description = "紧急类通知（不可关闭、不受免打扰时段限制）") boolean urgent, String title, String body,
			@Schema(description = "相关记录的页面地址（相对本服务器），无则为 null") String link, OffsetDateTime createdAt,
			@Schema(description = "已读时间，未读为 null") OffsetDateTime readAt) {

	}

	@Schema(name = "NotificationInbox", description = "本人收件箱的一页，另含未读总数")
	record InboxJson(List<NotificationJson> content, @Schema(description = "页码，从 1 开始") int page, int size,
			long totalElements, int totalPages, @Schema(description = "未读通知总数") long unread) {

	}

	@Schema(name = "NotificationsMarked", description = "全部标为已读的结果")
	record MarkedJson(@Schema(description = "本次标为已读的条数") int marked, @Schema(description = "剩余未读条数") long unread) {

	}

	@GetMapping
	@Operation(operationId = "listNotifications", summary = "本人的通知",
			description = "本人收件箱，最新在前；可按类型和已读状态筛选。")
	InboxJson list(@AuthenticationPrincipal AuthenticatedUser me,
			@Parameter(description = "通知类型") @RequestParam(required = false) NotificationType type,
			@Parameter(description = "true 只看已读，false 只看未读，不填为全部") @RequestParam(required = false) Boolean read,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
		String readState = read == null ? null : read ? "read" : "unread";
		Page<Notification> found = notifications.search(me.userId(), type, readState, ApiSupport.pageRequest(page, size));
		return new InboxJson(found.getContent().stream().map(this::json).toList(), found.getNumber() + 1,
				found.getSize(), found.getTotalElements(), found.getTotalPages(), notifications.unreadCount(me.userId()));
	}

	@PostMapping("/{notificationId}/read")
	@Operation(operationId = "markNotificationRead", summary = "标为已读",
			description = "把本人的一条通知标为已读（已读的保持原已读时间）；请求体 {}。")
	NotificationJson markRead(@AuthenticationPrincipal AuthenticatedUser me,
			@Parameter(description = "通知编号") @PathVariable long notificationId) {
		notifications.find(me.userId(), notificationId).orElseThrow(ApiNotFound::new);
		notifications.markRead(me.userId(), notificationId);
		return json(notifications.find(me.userId(), notificationId).orElseThrow(ApiNotFound::new));
	}

	@PostMapping("/read-all")
	@Operation(operationId = "markAllNotificationsRead", summary = "全部标为已读", description = "把本人的全部未读通知标为已读；请求体 {}。")
	MarkedJson markAllRead(@AuthenticationPrincipal AuthenticatedUser me) {
		int marked = notifications.markAllRead(me.userId());
		return new MarkedJson(marked, notifications.unreadCount(me.userId()));
	}

	private NotificationJson json(Notification notification) {
		return new NotificationJson(notification.getId(), notification.getType(),
				texts.get(notification.getType().labelKey()), notification.getType().urgent(), notification.getTitle(),
				notification.getBody(), notification.getLink(), ApiSupport.time(notification.getCreatedAt()),
				ApiSupport.time(notification.getReadAt()));
	}

}
