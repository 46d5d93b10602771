/**
 * Excel support every module may use: a generic XLSX exporter driven by {@link io.infodesk.shared.excel.ExcelColumn}
 * annotations or an explicit column list, download responses with Chinese file names, and a reader
 * for imports that refuses oversized, empty, non-XLSX and wrongly headed files with Chinese messages.
 */
package io.infodesk.shared.excel;
