package io.infodesk.notification;

/**
 * What a notification is about. Urgent types (the "first moment" duties: urgent report due, red opinion alert,
 * opinion case deadline) cannot be switched off and ignore quiet hours. Labels are message keys
 * {@code notification.type.<NAME>}.
 */
public enum NotificationType {

	/** 紧急信息当日报送即将到期 (S3.1-c) */
	URGENT_REPORT_DUE(true),
	/** 红色舆情预警 (S3.6-a) */
	OPINION_ALERT(true),
	/** 舆情事件处置时限 (S3.6-a: 5 h / 24 h) */
	CASE_DEADLINE(true),
	/** 重要信息捕获 (S3.5-a) */
	MAJOR_INFORMATION(true),
	/** 审核待处理 */
	REVIEW_WAITING(false),
	/** 约稿即将到期 / 已逾期 */
	SOLICITATION_DUE(false),
	/** 年度宣传要点报送期限 */
	PLAN_DUE(false),
	/** 学习强国进度落后 */
	XUEXI_PACE(false),
	/** 宣传日历节点 */
	CALENDAR_NODE(false),
	/** 每日待办摘要 */
	DIGEST(false),
	/** 系统消息（如渠道测试） */
	SYSTEM(false);

	private final boolean urgent;

	NotificationType(boolean urgent) {
		this.urgent = urgent;
	}

	public boolean urgent() {
		return urgent;
	}

	public String labelKey() {
		return "notification.type." + name();
	}

}
