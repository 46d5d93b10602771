package io.infodesk.reporting.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import io.infodesk.reporting.InformationItem;

public interface InformationItemRepository
		extends JpaRepository<InformationItem, Long>, JpaSpecificationExecutor<InformationItem> {

}
