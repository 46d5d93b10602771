package io.infodesk.assessment;

/** Who receives a rule's points: the unit, the authors (split by their shares), or both (each in its ranking). */
public enum Recipient {

	UNIT, AUTHORS, BOTH;

	public boolean unit() {
		return this != AUTHORS;
	}

	public boolean authors() {
		return this != UNIT;
	}

}
