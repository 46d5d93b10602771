package io.infodesk.organization;

/** List filter on the active flag of units and people; labels are message keys {@code status.<NAME>}. */
public enum ActiveStatus {

	ACTIVE, INACTIVE, ALL;

	/** The flag to filter on, or null for all. */
	public Boolean flag() {
		return switch (this) {
			case ACTIVE -> Boolean.TRUE;
			case INACTIVE -> Boolean.FALSE;
			case ALL -> null;
		};
	}

}
