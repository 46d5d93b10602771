package io.infodesk.reporting;

/** The id of an information item, as events carry it. */
public record ItemId(long value) {

}
