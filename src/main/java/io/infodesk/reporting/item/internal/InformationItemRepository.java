package io.infodesk.reporting.item.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import io.infodesk.reporting.item.InformationItem;

public interface InformationItemRepository
		extends JpaRepository<InformationItem, Long>, JpaSpecificationExecutor<InformationItem> {

	/** The items the person co-authored whose unit is not one of these (joint items of other units). */
	@org.springframework.data.jpa.repository.Query("select distinct i.id from InformationItem i join i.authors a "
			+ "where a.personId = :personId and i.unitId not in :units")
	java.util.List<Long> coAuthoredOutside(Long personId, java.util.Collection<Long> units);

	/** The items the user drafted whose unit is not one of these (issue 16: the outcome registers' visibility). */
	@org.springframework.data.jpa.repository.Query("select i.id from InformationItem i "
			+ "where i.drafterUserId = :userId and (i.unitId is null or i.unitId not in :units)")
	java.util.List<Long> draftedOutside(Long userId, java.util.Collection<Long> units);

	/** The items the user drafted. */
	@org.springframework.data.jpa.repository.Query("select i.id from InformationItem i where i.drafterUserId = :userId")
	java.util.List<Long> drafted(Long userId);

	/** The items the person co-authored. */
	@org.springframework.data.jpa.repository.Query("select distinct i.id from InformationItem i join i.authors a "
			+ "where a.personId = :personId")
	java.util.List<Long> coAuthored(Long personId);

}
