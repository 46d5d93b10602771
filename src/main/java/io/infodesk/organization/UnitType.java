package io.infodesk.organization;

/** Kinds of unit in a bureau; labels are message keys {@code unit.type.<NAME>}. */
public enum UnitType {

	/** 局领导班子 */
	LEADERSHIP,
	/** 科室 */
	SECTION,
	/** 直属事业单位 */
	INSTITUTION,
	/** 其他 */
	OTHER

}
