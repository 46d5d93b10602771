package io.infodesk.reporting.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import io.infodesk.reporting.Solicitation;

public interface SolicitationRepository extends JpaRepository<Solicitation, Long>, JpaSpecificationExecutor<Solicitation> {

}
