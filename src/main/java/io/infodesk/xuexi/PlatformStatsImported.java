package io.infodesk.xuexi;

import java.time.LocalDate;

/** A platform report was imported (S3.4-b): the figures of these days changed. */
public record PlatformStatsImported(long importId, ReportKind kind, LocalDate firstDay, LocalDate lastDay, int rows) {

}
