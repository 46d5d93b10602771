package io.infodesk.assessment;

/** Grade bands (等次) by target completion: 优, 良, 一般, 差 (labels {@code assessment.grade.<NAME>}). */
public enum Grade {

	EXCELLENT, GOOD, FAIR, POOR

}
