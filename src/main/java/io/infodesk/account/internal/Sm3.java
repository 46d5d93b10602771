package io.infodesk.account.internal;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;

/** SM3 (GB/T 32905) in hex: the hash at rest of recovery codes and API tokens (high-entropy secrets, no salt needed). */
final class Sm3 {

	private Sm3() {
	}

	static String hex(String text) {
		SM3Digest digest = new SM3Digest();
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		digest.update(bytes, 0, bytes.length);
		byte[] out = new byte[digest.getDigestSize()];
		digest.doFinal(out, 0);
		return HexFormat.of().formatHex(out);
	}

}
