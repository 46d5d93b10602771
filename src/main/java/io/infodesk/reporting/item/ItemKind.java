package io.infodesk.reporting.item;

/** 政务信息 or 党建信息 (S3.1). Labels: {@code reporting.kind.<NAME>}. */
public enum ItemKind {

	GOVERNMENT, PARTY

}
