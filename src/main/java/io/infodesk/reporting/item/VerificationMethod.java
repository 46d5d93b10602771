package io.infodesk.reporting.item;

/** How facts were verified (核实, S3.1-b): 专题调研, 电话回访, 部门交流. Labels: {@code reporting.verification.method.<NAME>}. */
public enum VerificationMethod {

	FIELD_RESEARCH, PHONE_CALLBACK, DEPARTMENT_EXCHANGE

}
