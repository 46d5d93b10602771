package io.infodesk.reporting.internal;

import org.springframework.data.jpa.repository.JpaRepository;

import io.infodesk.reporting.BulletinFile;

public interface BulletinFileRepository extends JpaRepository<BulletinFile, Long> {

}
