package io.infodesk.audit.internal;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.encoders.Hex;
import org.springframework.stereotype.Component;

import io.infodesk.shared.crypto.KeyFiles;

/**
 * The link of an entry, as lower-case hex over its canonical text: HMAC-SM3 (GB/T 32905, RFC 2104) under the chain
 * key kept outside the database for the keyed segment of the chain, plain SM3 for the entries written before the
 * chain was keyed. Whoever can write the database but lacks the key cannot compute a keyed link, so a rewritten entry
 * and a chain rebuilt after it no longer verify.
 */
@Component
class AuditHashing {

	private final byte[] key;

	private final String fingerprint;

	AuditHashing(AuditChainSettings settings) {
		this.key = KeyFiles.configuredOrFile(settings.key(), settings.keyFile(), 32, "infodesk.audit.chain.key");
		this.fingerprint = KeyFiles.fingerprint(key);
	}

	/** The link of an entry: keyed (HMAC-SM3) or, before the keyed segment, plain SM3. */
	String link(AuditEntry entry, boolean keyed) {
		return keyed ? hmac(entry.canonical()) : sm3(entry.canonical());
	}

	/** HMAC-SM3 of a text under the chain key. */
	String hmac(String text) {
		byte[] input = text.getBytes(StandardCharsets.UTF_8);
		HMac mac = new HMac(new SM3Digest());
		mac.init(new KeyParameter(key));
		mac.update(input, 0, input.length);
		byte[] out = new byte[mac.getMacSize()];
		mac.doFinal(out, 0);
		return Hex.toHexString(out);
	}

	/** The public name of the chain key (written to the head log, so that a replaced key shows). */
	String fingerprint() {
		return fingerprint;
	}

	static String sm3(String text) {
		byte[] input = text.getBytes(StandardCharsets.UTF_8);
		SM3Digest digest = new SM3Digest();
		digest.update(input, 0, input.length);
		byte[] out = new byte[digest.getDigestSize()];
		digest.doFinal(out, 0);
		return Hex.toHexString(out);
	}

}
