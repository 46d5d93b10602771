package io.infodesk.organization;

/** A unit was created, edited, deactivated or reactivated. */
public record UnitChanged(long unitId, boolean active) {
}
