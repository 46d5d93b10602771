package io.infodesk.audit.internal;

/**
 * The outcome of walking the audit chain from its anchor: intact with the number of entries
 * checked, or the first broken link: its position in the walk (1 = first entry after the anchor)
 * and its sequence number.
 */
public record ChainVerification(Break problem, long checked, long position, long seq) {

	/** How a link is broken. */
	public enum Break {

		/** The entry's content no longer matches its link (HMAC-SM3 under the chain key, or SM3 before the keyed segment). */
		TAMPERED,
		/** An entry of the sequence is missing (deleted). */
		MISSING,
		/** The entry does not link to its predecessor (or the last entry not to the chain head). */
		UNLINKED,
		/** The entry verifies but is not the one the head log outside the database recorded (the chain was rebuilt). */
		CHECKPOINT,
		/** The entry's segment is signed with a retired key that is not configured (key rotation). */
		NO_KEY

	}

	static ChainVerification intact(long checked) {
		return new ChainVerification(null, checked, 0, 0);
	}

	static ChainVerification broken(Break problem, long checked, long position, long seq) {
		return new ChainVerification(problem, checked, position, seq);
	}

	public boolean intact() {
		return problem == null;
	}

	/** The message key of the Chinese report; see {@link #args()}. */
	public String messageKey() {
		return intact() ? "audit.verify.intact" : "audit.verify." + problem.name().toLowerCase();
	}

	public Object[] args() {
		return intact() ? new Object[] { String.valueOf(checked) }
				: new Object[] { String.valueOf(position), String.valueOf(seq) };
	}

}
