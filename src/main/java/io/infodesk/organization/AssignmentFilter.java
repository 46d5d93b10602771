package io.infodesk.organization;

/**
 * The filter bar of the leaders-in-charge and publicist lists: person, unit, and period status
 * (default: current, i.e. not ended).
 */
public record AssignmentFilter(Long personId, Long unitId, PeriodStatus status) {

	public AssignmentFilter {
		status = status == null ? PeriodStatus.CURRENT : status;
	}

}
