package io.infodesk.shared.files;

/** A file kept in the {@link FileStore}: its SHA-256 (hex, the address), the type found in it, its size. */
public record StoredContent(String sha256, FileType type, long size) {

}
