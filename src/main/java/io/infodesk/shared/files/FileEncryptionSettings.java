package io.infodesk.shared.files;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SM4 key of the uploaded files at rest ({@code infodesk.files.encryption.*}).
 *
 * @param key the key as 32 hexadecimal digits; when set, no file is read
 * @param keyFile where the key is kept otherwise ({@code ${infodesk.data-dir}/keys/files.key}, beside the key of the
 * secrets); created on first start — back it up with the files, or they cannot be read back
 * @param retiredKeys keys of a rotation (32 hexadecimal digits each) that still decrypt; the files under them are
 * rewritten under the current key at the next start ({@link FilesAtRest}), after which they may be removed
 */
@ConfigurationProperties("infodesk.files.encryption")
public record FileEncryptionSettings(String key, @DefaultValue("./data/keys/files.key") Path keyFile,
		@DefaultValue List<String> retiredKeys) {

}
