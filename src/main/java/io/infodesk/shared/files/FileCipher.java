package io.infodesk.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.io.CipherOutputStream;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.encoders.Hex;

import io.infodesk.shared.crypto.KeyFiles;

/**
 * Uploaded files at rest (GB/T 39786: SM4): a stored file is {@code "IDF1"}, the 4-byte fingerprint of its key, a
 * random 12-byte nonce, then the content encrypted with SM4-GCM as a stream (never held in memory) and its 16-byte
 * tag. The current key encrypts; retired keys (after a rotation) still decrypt, until {@link FilesAtRest} has
 * rewritten every file under the current key. A file without the header was stored before encryption and is read
 * as it is (and encrypted at the next start).
 */
public final class FileCipher {

	static final byte[] MAGIC = { 'I', 'D', 'F', '1' };

	static final int HEADER = MAGIC.length + 4 + 12;

	static final int TAG = 16;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final byte[] current;

	private final byte[] currentFingerprint;

	private final Map<String, byte[]> keys = new LinkedHashMap<>();

	/** A cipher with its current key and the retired keys that still decrypt (each 16 bytes). */
	public FileCipher(byte[] current, List<byte[]> retired) {
		this.current = current.clone();
		this.currentFingerprint = Hex.decode(KeyFiles.fingerprint(current));
		keys.put(KeyFiles.fingerprint(current), this.current);
		for (byte[] old : retired) {
			keys.putIfAbsent(KeyFiles.fingerprint(old), old.clone());
		}
	}

	/** Encrypts everything written to the returned stream into {@code out}; closing it writes the tag. */
	OutputStream encrypting(OutputStream out) throws IOException {
		byte[] nonce = new byte[12];
		RANDOM.nextBytes(nonce);
		out.write(MAGIC);
		out.write(currentFingerprint);
		out.write(nonce);
		return new CipherOutputStream(out, gcm(true, current, nonce));
	}

	/**
	 * The content of a stored file as a stream: decrypted when it carries the header, as it is otherwise. A file
	 * changed on disk fails with an IOException when its end (the tag) is reached.
	 */
	InputStream decrypting(InputStream in) throws IOException {
		byte[] header = in.readNBytes(HEADER);
		if (header.length < HEADER || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
			return new SequenceInputStream(new ByteArrayInputStream(header), in);
		}
		byte[] key = keys.get(Hex.toHexString(header, MAGIC.length, 4));
		if (key == null) {
			in.close();
			throw new IOException("a stored file is encrypted with a key this installation does not hold");
		}
		return new Decrypting(in, gcm(false, key, Arrays.copyOfRange(header, MAGIC.length + 4, HEADER)));
	}

	/**
	 * Decrypts as it is read; the tag is checked when the end is reached (a changed file fails there). Closed before
	 * its end (the type inspection reads only the first bytes), it just closes the file.
	 */
	private static final class Decrypting extends InputStream {

		private final InputStream in;

		private final GCMBlockCipher gcm;

		private final byte[] input = new byte[64 * 1024];

		private byte[] output = new byte[0];

		private int position;

		private int limit;

		private boolean finished;

		Decrypting(InputStream in, GCMBlockCipher gcm) {
			this.in = in;
			this.gcm = gcm;
		}

		private boolean fill() throws IOException {
			while (position >= limit) {
				if (finished) {
					return false;
				}
				int n = in.read(input);
				if (n < 0) {
					output = new byte[gcm.getOutputSize(0)];
					try {
						limit = gcm.doFinal(output, 0);
					}
					catch (org.bouncycastle.crypto.InvalidCipherTextException ex) {
						throw new IOException("a stored file was changed on disk (its SM4-GCM tag does not match)", ex);
					}
					position = 0;
					finished = true;
				}
				else {
					int size = gcm.getUpdateOutputSize(n);
					if (output.length < size) {
						output = new byte[size];
					}
					limit = gcm.processBytes(input, 0, n, output, 0);
					position = 0;
				}
			}
			return true;
		}

		@Override
		public int read() throws IOException {
			return fill() ? output[position++] & 0xFF : -1;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			if (len == 0) {
				return 0;
			}
			if (!fill()) {
				return -1;
			}
			int n = Math.min(len, limit - position);
			System.arraycopy(output, position, b, off, n);
			position += n;
			return n;
		}

		@Override
		public void close() throws IOException {
			in.close();
		}

	}

	/** Whether a stored file's first bytes say it is encrypted under the current key (nothing to rewrite). */
	boolean current(byte[] head) {
		return head.length >= MAGIC.length + 4 && Arrays.equals(head, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
				&& Arrays.equals(head, MAGIC.length, MAGIC.length + 4, currentFingerprint, 0, 4);
	}

	/** Whether the first bytes are those of an encrypted file (under any key). */
	static boolean encrypted(byte[] head) {
		return head.length >= MAGIC.length && Arrays.equals(head, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
	}

	private static GCMBlockCipher gcm(boolean encrypt, byte[] key, byte[] nonce) {
		GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(new SM4Engine());
		gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG * 8, nonce));
		return gcm;
	}

}
