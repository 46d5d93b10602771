package io.infodesk.reporting.bulletin;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * The DOCX of an issued bulletin as it was issued (归档): written once in the transaction of the issue, never
 * updated; its SHA-256 proves that every download is the archived file.
 */
@Entity
@Immutable
@Table(name = "rpt_bulletin_file")
public class BulletinFile {

	@Id
	@Column(name = "bulletin_id")
	private Long bulletinId;

	@Column(name = "file_name")
	private String fileName;

	private byte[] content;

	private String sha256;

	@Column(name = "size_bytes")
	private long sizeBytes;

	@Column(name = "created_at")
	private Instant createdAt;

	protected BulletinFile() {
	}

	BulletinFile(long bulletinId, String fileName, byte[] content, String sha256, Instant now) {
		this.bulletinId = bulletinId;
		this.fileName = fileName;
		this.content = content.clone();
		this.sha256 = sha256;
		this.sizeBytes = content.length;
		this.createdAt = now;
	}

	public Long getBulletinId() {
		return bulletinId;
	}

	public String getFileName() {
		return fileName;
	}

	public byte[] getContent() {
		return content.clone();
	}

	public String getSha256() {
		return sha256;
	}

	public long getSizeBytes() {
		return sizeBytes;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

}
