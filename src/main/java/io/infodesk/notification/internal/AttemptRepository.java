package io.infodesk.notification.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AttemptRepository extends JpaRepository<Attempt, Long> {

	List<Attempt> findTop20ByOrderByIdDesc();

	List<Attempt> findByChannelIdOrderByIdAsc(long channelId);

}
