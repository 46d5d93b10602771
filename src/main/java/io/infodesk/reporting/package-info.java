/**
 * Information reporting (信息报送): government-affairs and party-building information items with their
 * angle and source tags, authors and verification records (S3.1-a, S3.1-b), the reusable multi-level review
 * chain (逐级审核, S3.1-b), solicitations and the same-day clock for time-critical items (S3.1-c), and the
 * submission, adoption and leader-instruction records that assessment scores (S3.1-c, S3.1-d), and the bulletins
 * (简报 / 信息专报) the office compiles from signed-off items, numbered and archived as DOCX in GB/T 9704 layout.
 */
package io.infodesk.reporting;
