package io.infodesk.reporting.outcome.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

import io.infodesk.reporting.outcome.Submission;

public interface SubmissionRepository extends JpaRepository<Submission, Long> {

	List<Submission> findByItemIdOrderBySubmittedAtAscIdAsc(Long itemId);

	boolean existsByItemIdAndBodyId(Long itemId, Long bodyId);

	List<Submission> findByItemIdIn(java.util.Collection<Long> itemIds);

}
