package io.infodesk.shared.excel;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An XLSX file as a download with a Chinese file name: {@code filename*=UTF-8''…} (RFC 5987/6266)
 * for every current browser, and an ASCII {@code filename} for old clients.
 */
public final class ExcelDownload {

	private ExcelDownload() {
	}

	public static ResponseEntity<byte[]> of(String fileName, String asciiFallback, byte[] xlsx) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(ExcelExporter.CONTENT_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(fileName, asciiFallback))
			.cacheControl(CacheControl.noStore())
			.contentLength(xlsx.length)
			.body(xlsx);
	}

	static String contentDisposition(String fileName, String asciiFallback) {
		String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
		String fallback = asciiFallback.replaceAll("[^A-Za-z0-9._-]", "_");
		return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
	}

}
