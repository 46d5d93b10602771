package io.infodesk.organization;

/** A person's name and unit, without the rest of the record (lists of many people, e.g. the people ranking). */
public record PersonName(long id, String name, Long unitId) {

}
