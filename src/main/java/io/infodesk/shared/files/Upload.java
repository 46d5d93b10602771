package io.infodesk.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.core.io.InputStreamSource;
import org.springframework.web.multipart.MultipartFile;

/** A file as the browser sent it: the name the user gave it, the announced size, the content. */
public record Upload(String originalName, long size, InputStreamSource content) {

	/** The upload of a form's file field, or null when none was chosen. */
	public static Upload of(MultipartFile file) {
		if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
			return null;
		}
		return new Upload(file.getOriginalFilename(), file.getSize(), file);
	}

	public InputStream open() {
		try {
			return content.getInputStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
