package io.infodesk.audit.internal;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface AuditEntryRepository extends JpaRepository<AuditEntry, Long>, JpaSpecificationExecutor<AuditEntry> {

	/** One page of the chain in sequence order, for a walk that never holds the whole chain in memory. */
	List<AuditEntry> findBySeqGreaterThanAndSeqLessThanEqualOrderBySeqAsc(long after, long upTo, Pageable page);

	@Query("select distinct e.action from AuditEntry e order by e.action")
	List<String> findDistinctActions();

}
