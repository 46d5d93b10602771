package io.infodesk.notification.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DeliveryRepository extends JpaRepository<Delivery, Long> {

	@Query("select d.id from Delivery d where d.status = io.infodesk.notification.internal.Delivery.Status.PENDING and d.nextAttemptAt <= :now order by d.nextAttemptAt")
	List<Long> dueAt(Instant now);

	List<Delivery> findByNotificationId(Long notificationId);

}
