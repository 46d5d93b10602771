package io.infodesk.shared.crypto;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key of the secrets at rest ({@code infodesk.secrets.*}).
 *
 * @param key the SM4 key as 32 hexadecimal digits; when set, it is used and no file is read (several instances
 * share it this way, or by sharing the file)
 * @param keyFile where the key is kept otherwise ({@code ${infodesk.data-dir}/keys/secret.key}); created with a random
 * key, readable by the owner only, on first use — back it up with the database, or the secrets cannot be read back
 * @param retiredKeys former keys (32 hexadecimal digits each) after a rotation: values under them are still read, and
 * re-encrypted under the current key at start ({@link SecretKeyRotation}); remove them once the log says so
 */
@ConfigurationProperties("infodesk.secrets")
public record SecretSettings(String key, @DefaultValue("./data/keys/secret.key") Path keyFile,
		@DefaultValue java.util.List<String> retiredKeys) {

	@org.springframework.boot.context.properties.bind.ConstructorBinding
	public SecretSettings {
	}

	public SecretSettings(String key, Path keyFile) {
		this(key, keyFile, java.util.List.of());
	}

}
