package io.infodesk.shared.files;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.infodesk.shared.crypto.KeyFiles;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ FileSettings.class, FileEncryptionSettings.class })
class FilesConfiguration {

	/** The SM4 key of the files at rest, with the retired keys of a rotation. */
	@Bean
	FileCipher fileCipher(FileEncryptionSettings settings) {
		return new FileCipher(
				KeyFiles.configuredOrFile(settings.key(), settings.keyFile(), 16, "infodesk.files.encryption.key"),
				settings.retiredKeys()
					.stream()
					.map(hex -> KeyFiles.parse(hex.strip(), 16, "infodesk.files.encryption.retired-keys"))
					.toList());
	}

}
