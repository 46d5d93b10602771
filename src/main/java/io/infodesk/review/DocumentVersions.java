package io.infodesk.review;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.review.internal.DocumentVersionRepository;
import io.infodesk.shared.security.AuthenticatedUser;

/**
 * The versions of reviewed documents (every edit a new version, S3.1-b) and the differences between them.
 * Part of the review capability: any document type that goes through {@link ReviewChains} keeps its
 * versions here.
 */
@Service
@Transactional
public class DocumentVersions {

	private final DocumentVersionRepository versions;

	private final Clock clock;

	DocumentVersions(DocumentVersionRepository versions, Clock clock) {
		this.versions = versions;
		this.clock = clock;
	}

	/** Keeps the content as version {@code versionNo} of the document. */
	public DocumentVersion record(DocumentRef document, int versionNo, String title, String body,
			DocumentVersion.Note note, AuthenticatedUser actor) {
		return versions.save(new DocumentVersion(document, versionNo, title, body, RichText.plainText(body), note,
				actor == null ? null : actor.userId(), actor == null ? "system" : actor.displayName(),
				Instant.now(clock)));
	}

	/** A version with the document's other facts (see {@link DocumentVersion#getFacts()}). */
	public DocumentVersion record(DocumentRef document, int versionNo, String title, String body, String facts,
			DocumentVersion.Note note, AuthenticatedUser actor) {
		DocumentVersion version = new DocumentVersion(document, versionNo, title, body, RichText.plainText(body), note,
				actor == null ? null : actor.userId(), actor == null ? "system" : actor.displayName(),
				Instant.now(clock));
		version.setFacts(facts == null || facts.length() <= 4000 ? facts : facts.substring(0, 4000));
		return versions.save(version);
	}

	@Transactional(readOnly = true)
	public List<DocumentVersion> of(DocumentRef document) {
		return versions.findByDocumentTypeAndDocumentIdOrderByVersionNoAsc(document.type(), document.id());
	}

	@Transactional(readOnly = true)
	public DocumentVersion get(DocumentRef document, int versionNo) {
		return versions.findByDocumentTypeAndDocumentIdAndVersionNo(document.type(), document.id(), versionNo)
			.orElseThrow(() -> ReviewException.of("reporting.version.notFound", versionNo));
	}

	/** What changed from one version to another: the title and the text. */
	@Transactional(readOnly = true)
	public VersionDiff diff(DocumentRef document, int fromVersion, int toVersion) {
		DocumentVersion from = get(document, fromVersion);
		DocumentVersion to = get(document, toVersion);
		return new VersionDiff(from.getVersionNo(), to.getVersionNo(),
				TextDiff.between(from.getTitle(), to.getTitle()),
				TextDiff.between(from.getBodyText(), to.getBodyText()));
	}

	/** The differences of two versions (or of a version and unsaved input: {@code toVersion} 0). */
	public record VersionDiff(int fromVersion, int toVersion, List<TextDiff.Segment> title,
			List<TextDiff.Segment> body) {

		public boolean changed() {
			return TextDiff.changed(title) || TextDiff.changed(body);
		}

	}

}
