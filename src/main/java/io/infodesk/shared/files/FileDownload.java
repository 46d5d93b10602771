package io.infodesk.shared.files;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A stored file as an HTTP response: its recognised media type, {@code nosniff}, a Chinese file name as
 * {@code filename*=UTF-8''…} (RFC 5987/6266) beside an ASCII fallback, shown inline only when it is an image
 * (anything else is downloaded, so a browser never renders a PDF or an office file inside the application's
 * origin), never cached by shared caches.
 */
public final class FileDownload {

	private FileDownload() {
	}

	public static ResponseEntity<Resource> of(Resource content, String fileName, FileType type, long size) {
		String name = type.fileName(fileName);
		String disposition = contentDisposition(type.isImage() ? "inline" : "attachment", name);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type.mediaType()))
			.contentLength(size)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition)
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; img-src 'self'; sandbox")
			.cacheControl(CacheControl.noCache().cachePrivate())
			.body(content);
	}

	/** {@code inline|attachment; filename="ascii"; filename*=UTF-8''percent-encoded} (RFC 6266, RFC 5987). */
	static String contentDisposition(String kind, String name) {
		String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
		int dot = name.lastIndexOf('.');
		String extension = dot < 0 ? "" : name.substring(dot).replaceAll("[^A-Za-z0-9.]", "");
		String base = (dot < 0 ? name : name.substring(0, dot)).replaceAll("[^A-Za-z0-9_-]", "_");
		String fallback = (base.replace("_", "").isEmpty() ? "file" : base) + extension;
		return kind + "; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
	}

	/** A file name from a browser, as shown and stored: no folders, no control characters, at most 200 characters. */
	public static String cleanName(String original, String fallback) {
		String name = original == null ? "" : original;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[\\p{Cntrl}\"<>|:*?]", "").strip();
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			name = fallback;
		}
		return name.length() > 200 ? name.substring(name.length() - 200) : name;
	}

}
