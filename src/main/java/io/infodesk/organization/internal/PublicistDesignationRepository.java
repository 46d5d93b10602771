package io.infodesk.organization.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

import io.infodesk.organization.PublicistDesignation;

public interface PublicistDesignationRepository extends JpaRepository<PublicistDesignation, Long> {

	List<PublicistDesignation> findByUnitId(Long unitId);

	List<PublicistDesignation> findByPersonId(Long personId);

}
