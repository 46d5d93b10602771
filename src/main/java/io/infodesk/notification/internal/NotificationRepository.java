package io.infodesk.notification.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface NotificationRepository extends JpaRepository<Notification, Long>, JpaSpecificationExecutor<Notification> {

	long countByRecipientUserIdAndReadAtIsNull(long recipientUserId);

	Optional<Notification> findByIdAndRecipientUserId(long id, long recipientUserId);

	@Modifying
	@Query("update Notification n set n.readAt = :at where n.id = :id and n.recipientUserId = :user and n.readAt is null")
	int markRead(long id, long user, Instant at);

	@Modifying
	@Query("update Notification n set n.readAt = :at where n.recipientUserId = :user and n.readAt is null")
	int markAllRead(long user, Instant at);

}
