package io.infodesk.xuexi.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ImportProfileRepository extends JpaRepository<ImportProfile, Long> {

	Optional<ImportProfile> findByHeaderKey(String headerKey);

	List<ImportProfile> findAllByOrderByNameAsc();

}
