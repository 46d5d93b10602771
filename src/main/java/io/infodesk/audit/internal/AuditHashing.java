package io.infodesk.audit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

	private volatile byte[] key;

	private volatile String fingerprint;

	/** Every key that may verify a segment: the current one and the retired ones, by fingerprint. */
	private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

	AuditHashing(AuditChainSettings settings) {
		this.key = KeyFiles.configuredOrFile(settings.key(), settings.keyFile(), 32, "infodesk.audit.chain.key");
		this.fingerprint = KeyFiles.fingerprint(key);
		keys.put(fingerprint, key);
		if (settings.retiredKeys() != null) {
			for (String retired : settings.retiredKeys()) {
				if (retired != null && !retired.isBlank()) {
					byte[] old = KeyFiles.parse(retired.strip(), 32, "infodesk.audit.chain.retired-keys");
					keys.putIfAbsent(KeyFiles.fingerprint(old), old);
				}
			}
		}
	}

	/** The link of an entry: keyed (HMAC-SM3 under the current key) or, before the keyed segment, plain SM3. */
	String link(AuditEntry entry, boolean keyed) {
		return keyed ? hmac(entry.canonical()) : sm3(entry.canonical());
	}

	/**
	 * The link of an entry of the keyed segment signed with the key of this fingerprint; null when that key is not
	 * configured (a retired key missing from {@code infodesk.audit.chain.retired-keys}).
	 */
	String link(AuditEntry entry, String keyFingerprint) {
		byte[] segmentKey = keys.get(keyFingerprint);
		return segmentKey == null ? null : hmac(segmentKey, entry.canonical());
	}

	/** HMAC-SM3 of a text under the chain key. */
	String hmac(String text) {
		return hmac(key, text);
	}

	private static String hmac(byte[] key, String text) {
		byte[] input = text.getBytes(StandardCharsets.UTF_8);
		HMac mac = new HMac(new SM3Digest());
		mac.init(new KeyParameter(key));
		mac.update(input, 0, input.length);
		byte[] out = new byte[mac.getMacSize()];
		mac.doFinal(out, 0);
		return Hex.toHexString(out);
	}

	/**
	 * Takes a new chain key, the current one retired but still verifying its segment: what a restart with a new
	 * {@code audit.key} and the former key under {@code retired-keys} does (tests; the next append starts a segment).
	 */
	void rotateTo(byte[] newKey) {
		keys.putIfAbsent(fingerprint, key);
		this.key = newKey.clone();
		this.fingerprint = KeyFiles.fingerprint(newKey);
		keys.put(fingerprint, this.key);
	}

	/** Forgets a retired key (tests: a rotation whose former key was not configured); returns it. */
	byte[] forget(String keyFingerprint) {
		return keyFingerprint.equals(fingerprint) ? null : keys.remove(keyFingerprint);
	}

	/** Knows a retired key again, as {@code retired-keys} lists it. */
	void retire(byte[] oldKey) {
		keys.putIfAbsent(KeyFiles.fingerprint(oldKey), oldKey.clone());
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
