package io.infodesk.reporting.attachment.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

import io.infodesk.reporting.attachment.Attachment;

public interface AttachmentRepository extends JpaRepository<Attachment, Long> {

	List<Attachment> findByOwnerTypeAndOwnerIdOrderByIdAsc(Attachment.Owner ownerType, Long ownerId);

	List<Attachment> findByOwnerTypeAndOwnerIdInOrderByIdAsc(Attachment.Owner ownerType, Collection<Long> ownerIds);

	long countByOwnerTypeAndOwnerId(Attachment.Owner ownerType, Long ownerId);

}
