package io.infodesk.shared.files;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and place of uploaded files ({@code infodesk.files.*}).
 *
 * @param maxSize the largest file accepted (PRACTICE: a scanned adoption page or a DOCX with photos stays well
 * under 20 MB); Spring's multipart limit is set above it so that the application, not the container, refuses
 * @param dir where the content-addressed files lie ({@code ${infodesk.data-dir}/files})
 * @param maxZipEntries the most parts a DOCX/XLSX package may have (a normal document has a few dozen)
 * @param maxZipUncompressed the most bytes its parts may unpack to
 * @param maxZipRatio the highest ratio of unpacked to packed bytes (XML compresses ~10:1; a bomb 1000:1)
 */
@ConfigurationProperties("infodesk.files")
public record FileSettings(@DefaultValue("20MB") DataSize maxSize, @DefaultValue("./data/files") Path dir,
		@DefaultValue("2000") int maxZipEntries, @DefaultValue("200MB") DataSize maxZipUncompressed,
		@DefaultValue("100") int maxZipRatio) {

}
