package io.infodesk.reporting.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

import io.infodesk.reporting.Verification;

public interface VerificationRepository extends JpaRepository<Verification, Long> {

	List<Verification> findByItemIdOrderByVerifiedOnAscIdAsc(Long itemId);

	long countByItemId(Long itemId);

}
