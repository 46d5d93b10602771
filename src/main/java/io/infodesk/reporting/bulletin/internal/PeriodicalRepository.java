package io.infodesk.reporting.bulletin.internal;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import io.infodesk.reporting.bulletin.Periodical;

public interface PeriodicalRepository extends JpaRepository<Periodical, Long> {

	List<Periodical> findAllByOrderByNameAsc();

	List<Periodical> findByActiveTrueOrderByNameAsc();

	Optional<Periodical> findByName(String name);

	/** The periodical locked for the rest of the transaction: one issue is numbered at a time (select … for update). */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Periodical p where p.id = :id")
	Optional<Periodical> lockById(@Param("id") long id);

}
