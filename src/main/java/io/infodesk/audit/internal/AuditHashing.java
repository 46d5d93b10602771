package io.infodesk.audit.internal;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.util.encoders.Hex;

/** SM3 (GB/T 32905) over an entry's canonical text, as lower-case hex. */
final class AuditHashing {

	private AuditHashing() {
	}

	static String sm3(String text) {
		byte[] input = text.getBytes(StandardCharsets.UTF_8);
		SM3Digest digest = new SM3Digest();
		digest.update(input, 0, input.length);
		byte[] out = new byte[digest.getDigestSize()];
		digest.doFinal(out, 0);
		return Hex.toHexString(out);
	}

	static String hash(AuditEntry entry) {
		return sm3(entry.canonical());
	}

}
