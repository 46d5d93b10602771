package io.infodesk.xuexi.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A generated file as an attachment with its Chinese name (and an ASCII fallback). */
final class Downloads {

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	private Downloads() {
	}

	static ResponseEntity<byte[]> attachment(String fileName, String asciiName, String type, byte[] content) {
		String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"" + asciiName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"; filename*=UTF-8''"
							+ encoded)
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noStore())
			.contentLength(content.length)
			.body(content);
	}

}
