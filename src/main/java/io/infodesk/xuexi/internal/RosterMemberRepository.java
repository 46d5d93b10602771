package io.infodesk.xuexi.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import io.infodesk.xuexi.RosterMember;

public interface RosterMemberRepository extends JpaRepository<RosterMember, Long>, JpaSpecificationExecutor<RosterMember> {

	Optional<RosterMember> findByPersonId(long personId);

	List<RosterMember> findAllByOrderByUnitIdAscIdAsc();

}
