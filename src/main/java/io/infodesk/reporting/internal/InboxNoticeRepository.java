package io.infodesk.reporting.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

import io.infodesk.reporting.InboxNotice;

public interface InboxNoticeRepository extends JpaRepository<InboxNotice, Long> {

	List<InboxNotice> findByRecipientRoleInAndDoneAtIsNullOrderByCreatedAtDesc(Collection<String> roles);

	List<InboxNotice> findByDocumentTypeAndDocumentIdOrderByCreatedAtAsc(String documentType, Long documentId);

}
