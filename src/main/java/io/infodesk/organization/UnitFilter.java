package io.infodesk.organization;

/** The filter bar of the unit list: name keyword, type, active status (default: active). */
public record UnitFilter(String keyword, UnitType type, ActiveStatus status) {

	public UnitFilter {
		keyword = keyword == null || keyword.isBlank() ? null : keyword.strip();
		status = status == null ? ActiveStatus.ACTIVE : status;
	}

}
