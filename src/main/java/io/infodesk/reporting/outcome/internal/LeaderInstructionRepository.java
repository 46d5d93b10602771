package io.infodesk.reporting.outcome.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

import io.infodesk.reporting.outcome.LeaderInstruction;

public interface LeaderInstructionRepository extends JpaRepository<LeaderInstruction, Long>,
		org.springframework.data.jpa.repository.JpaSpecificationExecutor<LeaderInstruction> {

	List<LeaderInstruction> findByItemIdOrderByInstructedOnAscIdAsc(Long itemId);

	List<LeaderInstruction> findByItemIdIn(java.util.Collection<Long> itemIds);

	List<LeaderInstruction> findByFeedbackDueIsNotNullAndFeedbackOnIsNull();

}
