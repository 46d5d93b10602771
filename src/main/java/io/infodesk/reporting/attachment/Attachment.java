package io.infodesk.reporting.attachment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.infodesk.shared.files.FileType;

/**
 * A file attached to an item, to an adoption as its evidence, or to a material (S3.1-b, S3.1-d): the name it was
 * uploaded under, the type recognised in its content, size, SHA-256 address in the file store, who and when.
 */
@Entity
@Table(name = "rpt_attachment")
public class Attachment {

	/** What a file is attached to. */
	public enum Owner {

		ITEM, ADOPTION, MATERIAL

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	@Column(name = "owner_type")
	private Owner ownerType;

	@Column(name = "owner_id")
	private Long ownerId;

	@Column(name = "file_name")
	private String fileName;

	@Enumerated(EnumType.STRING)
	@Column(name = "file_type")
	private FileType fileType;

	@Column(name = "size_bytes")
	private long sizeBytes;

	private String sha256;

	@Column(name = "uploaded_by_user_id")
	private Long uploadedByUserId;

	@Column(name = "uploaded_by_name")
	private String uploadedByName;

	@Column(name = "uploaded_at")
	private Instant uploadedAt;

	protected Attachment() {
	}

	Attachment(Owner ownerType, Long ownerId, String fileName, FileType fileType, long sizeBytes, String sha256,
			Long uploadedByUserId, String uploadedByName, Instant uploadedAt) {
		this.ownerType = ownerType;
		this.ownerId = ownerId;
		this.fileName = fileName;
		this.fileType = fileType;
		this.sizeBytes = sizeBytes;
		this.sha256 = sha256;
		this.uploadedByUserId = uploadedByUserId;
		this.uploadedByName = uploadedByName;
		this.uploadedAt = uploadedAt;
	}

	public Long getId() {
		return id;
	}

	public Owner getOwnerType() {
		return ownerType;
	}

	public Long getOwnerId() {
		return ownerId;
	}

	public String getFileName() {
		return fileName;
	}

	public FileType getFileType() {
		return fileType;
	}

	public boolean isImage() {
		return fileType.isImage();
	}

	public long getSizeBytes() {
		return sizeBytes;
	}

	/** The size for people: "856 KB", "3.2 MB". */
	public String getSizeText() {
		if (sizeBytes < 1024 * 1024) {
			return Math.max(1, Math.round(sizeBytes / 1024.0)) + " KB";
		}
		return String.format(java.util.Locale.ROOT, "%.1f MB", sizeBytes / (1024.0 * 1024.0));
	}

	public String getSha256() {
		return sha256;
	}

	public Long getUploadedByUserId() {
		return uploadedByUserId;
	}

	public String getUploadedByName() {
		return uploadedByName;
	}

	public Instant getUploadedAt() {
		return uploadedAt;
	}

}
