package io.infodesk.publicity.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import io.infodesk.publicity.Outlet;

public interface OutletRepository extends JpaRepository<Outlet, Long> {

	Optional<Outlet> findByName(String name);

}
