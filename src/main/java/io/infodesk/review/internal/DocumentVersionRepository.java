package io.infodesk.review.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import io.infodesk.review.DocumentVersion;

public interface DocumentVersionRepository extends JpaRepository<DocumentVersion, Long> {

	List<DocumentVersion> findByDocumentTypeAndDocumentIdOrderByVersionNoAsc(String documentType, Long documentId);

	Optional<DocumentVersion> findByDocumentTypeAndDocumentIdAndVersionNo(String documentType, Long documentId,
			int versionNo);

}
