package io.infodesk.reporting.material;

/** Where a clipping of the material library comes from (S3.1-b: newspapers, web, reports and speeches). */
public enum MaterialKind {

	/** 报刊 */
	NEWSPAPER,
	/** 网页 */
	WEB,
	/** 工作报告、材料 */
	REPORT,
	/** 领导讲话 */
	SPEECH,
	/** 其他 */
	OTHER

}
