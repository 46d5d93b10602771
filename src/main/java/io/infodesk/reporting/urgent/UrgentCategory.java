package io.infodesk.reporting.urgent;

/**
 * What makes an item time-critical (S3.1-c): 应急抢险, 安全生产, 防疫救援, 重点工作落实 (implementing key
 * superior deployments), 重要会议贯彻 (important meetings). Labels: {@code reporting.urgent.category.<NAME>}.
 */
public enum UrgentCategory {

	EMERGENCY_RESCUE, WORK_SAFETY, EPIDEMIC_RESCUE, KEY_WORK, KEY_MEETING

}
