package io.infodesk.account.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import io.infodesk.account.UserAccount;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long>, JpaSpecificationExecutor<UserAccount> {

	Optional<UserAccount> findByUsername(String username);

	boolean existsByUsername(String username);

	boolean existsByPersonId(Long personId);

	boolean existsByPersonIdAndIdNot(Long personId, Long id);

	List<UserAccount> findByPersonId(Long personId);

	/** Administrators who can act: enabled and not locked by an administrator. */
	@Query("select count(a) from UserAccount a join a.roles r "
			+ "where r = io.infodesk.account.Role.ADMIN and a.enabled = true and a.manuallyLocked = false")
	long countActiveAdmins();

	/** Holders of the role who can act: enabled and not locked by an administrator. */
	@Query("select count(a) from UserAccount a join a.roles r "
			+ "where r = :role and a.enabled = true and a.manuallyLocked = false")
	long countActiveHolders(io.infodesk.account.Role role);

}
