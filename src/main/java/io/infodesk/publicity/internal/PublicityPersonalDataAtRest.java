package io.infodesk.publicity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.shared.crypto.ColumnsAtRest;

/**
 * At start, encrypts the personal data of publicity stored in clear before it was encrypted (issue 17, migration
 * V17), so that none stays readable in the database or its backups. Idempotent.
 */
@Component
class PublicityPersonalDataAtRest implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PublicityPersonalDataAtRest.class);

	private final ColumnsAtRest columns;

	PublicityPersonalDataAtRest(ColumnsAtRest columns) {
		this.columns = columns;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		int encrypted = columns.encrypt("pub_outlet_contact", "outlet_id, position", "phone", null)
				+ columns.encrypt("pub_outlet_contact", "outlet_id, position", "email", null);
		if (encrypted > 0) {
			log.info("Personal data at rest: {} values of publicity encrypted with SM4", encrypted);
		}
	}

}
