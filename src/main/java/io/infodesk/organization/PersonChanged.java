package io.infodesk.organization;

/** A person was created, edited, moved to another unit, deactivated or reactivated. */
public record PersonChanged(long personId, Long unitId, boolean active) {
}
