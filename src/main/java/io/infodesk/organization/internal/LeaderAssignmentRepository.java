package io.infodesk.organization.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

import io.infodesk.organization.LeaderAssignment;

public interface LeaderAssignmentRepository extends JpaRepository<LeaderAssignment, Long> {

	List<LeaderAssignment> findByLeaderId(Long leaderId);

	List<LeaderAssignment> findByUnitId(Long unitId);

}
