package io.infodesk.notification;

/** A notification was put into a user's inbox; delivery to the user's channels follows after commit. */
public record NotificationCreated(long notificationId, long recipientUserId, NotificationType type) {
}
