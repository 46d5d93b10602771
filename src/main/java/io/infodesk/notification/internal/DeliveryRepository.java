package io.infodesk.notification.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface DeliveryRepository extends JpaRepository<Delivery, Long> {

	@Query("select d.id from Delivery d where d.status = io.infodesk.notification.internal.Delivery.Status.PENDING and d.nextAttemptAt <= :now order by d.nextAttemptAt")
	List<Long> dueAt(Instant now);

	List<Delivery> findByNotificationId(Long notificationId);

	/**
	 * Claims a due delivery for one sending: moves its next attempt to the end of a lease, so that no other
	 * instance picks it meanwhile; 0 when another instance claimed it first or it is not due.
	 */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("update Delivery d set d.nextAttemptAt = :leaseUntil where d.id = :id "
			+ "and d.status = io.infodesk.notification.internal.Delivery.Status.PENDING and d.nextAttemptAt <= :now")
	int claim(long id, Instant now, Instant leaseUntil);

}
