package io.infodesk.reporting.bulletin.internal;

import org.springframework.data.jpa.repository.JpaRepository;

import io.infodesk.reporting.bulletin.BulletinFile;

public interface BulletinFileRepository extends JpaRepository<BulletinFile, Long> {

}
