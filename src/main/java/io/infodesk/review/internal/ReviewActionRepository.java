package io.infodesk.review.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

import io.infodesk.review.ReviewAction;

public interface ReviewActionRepository extends JpaRepository<ReviewAction, Long> {

	List<ReviewAction> findByProcessIdOrderByIdAsc(Long processId);

	List<ReviewAction> findByProcessIdAndRoundOrderByIdAsc(Long processId, int round);

}
