package io.infodesk.notification.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ChannelRepository extends JpaRepository<Channel, Long> {

	@Query("select c from Channel c where c.enabled = true and (c.ownerUserId = :userId or (:unitId is not null and c.ownerUnitId = :unitId))")
	List<Channel> enabledFor(long userId, Long unitId);

	List<Channel> findAllByOrderByIdAsc();

}
