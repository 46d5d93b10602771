package io.infodesk.account.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import io.infodesk.account.UserAccount;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long>, JpaSpecificationExecutor<UserAccount> {

	Optional<UserAccount> findByUsername(String username);

	boolean existsByUsername(String username);

}
