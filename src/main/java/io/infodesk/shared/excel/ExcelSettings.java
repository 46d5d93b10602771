package io.infodesk.shared.excel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits for uploaded spreadsheets ({@code infodesk.excel.*}): the largest file accepted (checked
 * before anything is parsed) and the most data rows one import may hold.
 */
@ConfigurationProperties("infodesk.excel")
public record ExcelSettings(@DefaultValue("5MB") DataSize maxUploadSize, @DefaultValue("10000") int maxRows) {

}
