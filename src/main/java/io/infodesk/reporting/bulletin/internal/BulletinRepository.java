package io.infodesk.reporting.bulletin.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import io.infodesk.reporting.bulletin.Bulletin;

public interface BulletinRepository extends JpaRepository<Bulletin, Long>, JpaSpecificationExecutor<Bulletin> {

	/** The highest number issued in a periodical's sequence (regular or supplement) of a year; 0 when none. */
	@Query("select coalesce(max(b.issueNo), 0) from Bulletin b where b.periodicalId = :periodical "
			+ "and b.supplement = :supplement and b.issueYear = :year and b.issueNo is not null")
	int lastNumber(@Param("periodical") long periodicalId, @Param("supplement") boolean supplement,
			@Param("year") int year);

	/** The highest running number (总第M期) of a periodical; null when none. */
	@Query("select max(b.totalNo) from Bulletin b where b.periodicalId = :periodical")
	Integer lastTotal(@Param("periodical") long periodicalId);

	/** The years that have bulletins, newest first. */
	@Query("select distinct b.issueYear from Bulletin b order by b.issueYear desc")
	java.util.List<Integer> years();

	/** The periodical of a bulletin, read without loading the bulletin into the persistence context. */
	@Query("select b.periodicalId from Bulletin b where b.id = :id")
	java.util.Optional<Long> periodicalIdOf(@Param("id") long id);

	/** Bulletins that contain an item, e.g. to show on the item where it was printed. */
	@Query("select b from Bulletin b join b.entries e where e.itemId = :item order by b.id")
	java.util.List<Bulletin> containing(@Param("item") long itemId);

}
