package io.infodesk.organization.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import io.infodesk.organization.LeaderAssignment;

public interface LeaderAssignmentRepository
		extends JpaRepository<LeaderAssignment, Long>, JpaSpecificationExecutor<LeaderAssignment> {

	List<LeaderAssignment> findByLeaderId(Long leaderId);

	List<LeaderAssignment> findByUnitId(Long unitId);

	List<LeaderAssignment> findByLeaderIdAndUnitId(Long leaderId, Long unitId);

}
