package io.infodesk.reporting.solicitation.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import io.infodesk.reporting.solicitation.Solicitation;

public interface SolicitationRepository extends JpaRepository<Solicitation, Long>, JpaSpecificationExecutor<Solicitation> {

}
