package io.infodesk.xuexi;

import java.util.List;

/**
 * A field of a platform report a column is mapped to, with the headers the platform is known to use for it (so a
 * first mapping is proposed). Label {@code xuexi.field.<NAME>}.
 */
public enum ReportField {

	NAME("姓名", "用户名", "学员姓名"), PHONE("手机号", "手机号码", "电话"), MEMBER_ID("学习强国号", "用户ID", "成员ID", "学号"),
	ORG("所在组织", "组织名称", "所属组织"), DATE("日期", "统计日期", "学习日期", "截至日期"), POINTS("当日积分", "积分", "日积分", "今日积分"),
	LOGGED_IN("是否登录", "登录", "当日登录"), TOTAL_POINTS("总积分", "累计积分"), YEAR_POINTS("年度积分", "本年积分", "年积分");

	private final List<String> knownHeaders;

	ReportField(String... knownHeaders) {
		this.knownHeaders = List.of(knownHeaders);
	}

	public List<String> knownHeaders() {
		return knownHeaders;
	}

}
