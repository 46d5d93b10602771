package io.infodesk.xuexi.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.shared.crypto.ColumnsAtRest;

/**
 * At start, encrypts the personal data of xuexi stored in clear before it was encrypted (issue 17, migration
 * V17), so that none stays readable in the database or its backups. Idempotent.
 */
@Component
class XuexiPersonalDataAtRest implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(XuexiPersonalDataAtRest.class);

	private final ColumnsAtRest columns;

	XuexiPersonalDataAtRest(ColumnsAtRest columns) {
		this.columns = columns;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		int encrypted = columns.encrypt("xuexi_member", "id", "platform_phone", null)
				+ columns.encrypt("xuexi_unmatched", "id", "platform_phone", null)
				+ columns.hash("xuexi_unmatched", "id", "identity_key");
		if (encrypted > 0) {
			log.info("Personal data at rest: {} values of xuexi encrypted with SM4", encrypted);
		}
	}

}
