package io.infodesk.reporting.item;

import io.infodesk.reporting.ReportingException;
import io.infodesk.review.DocumentVersions;

/**
 * A save started from an older revision than the one stored: someone else saved in between. Nothing was
 * written; the editor's input is shown again with the differences between the stored version and it, so
 * that nothing is lost (S3.1-b).
 */
public class EditConflict extends ReportingException {

	private final int currentRevision;

	private final String currentEditor;

	private final DocumentVersions.VersionDiff diff;

	public EditConflict(int currentRevision, String currentEditor, DocumentVersions.VersionDiff diff) {
		super(null, "reporting.item.conflict", currentRevision, currentEditor);
		this.currentRevision = currentRevision;
		this.currentEditor = currentEditor;
		this.diff = diff;
	}

	public int currentRevision() {
		return currentRevision;
	}

	public String currentEditor() {
		return currentEditor;
	}

	/** From the stored version to the editor's unsaved input. */
	public DocumentVersions.VersionDiff diff() {
		return diff;
	}

}
