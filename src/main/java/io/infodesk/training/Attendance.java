package io.infodesk.training;

/** One invited person at a session: invited (not yet recorded), signed in, or absent with a reason. */
public record Attendance(long sessionId, long personId, long unitId, Status status, String reason) {

	/** Labels {@code training.attendance.<NAME>}. */
	public enum Status {

		INVITED, PRESENT, ABSENT

	}

}
