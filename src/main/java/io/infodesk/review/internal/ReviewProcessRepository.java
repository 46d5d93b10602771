package io.infodesk.review.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import io.infodesk.review.ReviewProcess;

public interface ReviewProcessRepository extends JpaRepository<ReviewProcess, Long> {

	Optional<ReviewProcess> findByDocumentTypeAndDocumentId(String documentType, Long documentId);

	List<ReviewProcess> findByStatusAndCurrentRoleIn(ReviewProcess.Status status, Collection<String> roles);

}
