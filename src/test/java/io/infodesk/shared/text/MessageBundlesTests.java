package io.infodesk.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class MessageBundlesTests {

	@Test
	void aModuleBundleUnderMessagesIsFoundWithoutNamingItAnywhere() {
		assertThat(MessageBundles.basenames()).startsWith("messages").contains("messages/bundletest");
		Texts texts = new Texts(new MessageBundles().messageSource());
		assertThat(texts.get("bundletest.greeting", "周敏")).isEqualTo("你好，周敏");
		assertThat(texts.get("app.name")).isNotEqualTo("app.name");
		assertThat(new MessageBundles().messageSource().getMessage("bundletest.missing", null, "默认", Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("默认");
	}

}
