package io.infodesk.shared.files;

import java.util.List;
import java.util.Locale;

/** The kinds of file the system accepts, each recognised by its content, never by its name. */
public enum FileType {

	PNG("image/png", "png"),
	JPEG("image/jpeg", "jpg", "jpeg"),
	GIF("image/gif", "gif"),
	WEBP("image/webp", "webp"),
	PDF("application/pdf", "pdf"),
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

	private final String mediaType;

	private final List<String> extensions;

	FileType(String mediaType, String... extensions) {
		this.mediaType = mediaType;
		this.extensions = List.of(extensions);
	}

	public String mediaType() {
		return mediaType;
	}

	/** Images may be shown inline (in an {@code <img>}); everything else is only downloaded. */
	public boolean isImage() {
		return this == PNG || this == JPEG || this == GIF || this == WEBP;
	}

	/**
	 * The name a download carries: the given name when its extension fits the content, else the name with the
	 * type's extension appended (a PDF uploaded as "x.exe" is downloaded as "x.exe.pdf").
	 */
	public String fileName(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return extensions.stream().anyMatch(extension -> lower.endsWith("." + extension)) ? name
				: name + "." + extensions.get(0);
	}

}
