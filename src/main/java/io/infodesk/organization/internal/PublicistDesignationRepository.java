package io.infodesk.organization.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import io.infodesk.organization.PublicistDesignation;

public interface PublicistDesignationRepository
		extends JpaRepository<PublicistDesignation, Long>, JpaSpecificationExecutor<PublicistDesignation> {

	List<PublicistDesignation> findByUnitId(Long unitId);

	List<PublicistDesignation> findByPersonId(Long personId);

	List<PublicistDesignation> findByPersonIdAndUnitId(Long personId, Long unitId);

}
