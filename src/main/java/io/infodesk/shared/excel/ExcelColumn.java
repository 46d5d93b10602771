package io.infodesk.shared.excel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of an export row record as a spreadsheet column:
 * {@code record PersonRow(@ExcelColumn(header = "姓名", order = 1) String name, ...)}.
 * Columns are written in ascending {@code order}; {@code width} (in characters) overrides the
 * width computed from the content.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD })
public @interface ExcelColumn {

	String header();

	int order() default 0;

	int width() default 0;

}
