package io.infodesk.review.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

import io.infodesk.review.InboxNotice;

public interface InboxNoticeRepository extends JpaRepository<InboxNotice, Long> {

	List<InboxNotice> findByRecipientRoleInAndDoneAtIsNullOrderByCreatedAtDesc(Collection<String> roles);

	List<InboxNotice> findByDocumentTypeAndDocumentIdOrderByCreatedAtAsc(String documentType, Long documentId);

}
