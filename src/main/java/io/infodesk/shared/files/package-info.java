/**
 * Uploaded files (S3.1-b attachments, evidence): type recognised by content (magic bytes, a real OOXML package
 * for DOCX/XLSX, zip bombs refused while streaming), a configurable size limit, and a content-addressed store
 * (SHA-256) under the data directory that keeps one copy of equal files. Generic infrastructure without
 * tables: each module keeps its own metadata rows (who attached what to which record) and audits them.
 */
package io.infodesk.shared.files;
