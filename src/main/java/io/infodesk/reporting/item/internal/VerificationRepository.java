package io.infodesk.reporting.item.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

import io.infodesk.reporting.item.Verification;

public interface VerificationRepository extends JpaRepository<Verification, Long> {

	List<Verification> findByItemIdOrderByVerifiedOnAscIdAsc(Long itemId);

	long countByItemId(Long itemId);

}
