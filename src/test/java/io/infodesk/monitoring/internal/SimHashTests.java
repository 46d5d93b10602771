package io.infodesk.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimHashTests {

	private static final String ORIGINAL = "湖塘某楼盘逾期交房一年 业主聚集维权\n记者调查发现，湖塘镇某楼盘原定去年六月交房，至今仍未交付，"
			+ "开发商资金链断裂，项目停工。数十名业主聚集在售楼处维权，要求开发商给出明确的交付时间。";

	@Test
	void reprintsWithEditedHeadlinesStayNear() {
		String reprint = "湖塘一楼盘延期交房 数十业主聚集维权\n记者调查发现，湖塘镇某楼盘原定去年六月交房，至今仍未交付，"
				+ "开发商资金链断裂，项目停工。数十名业主聚集在售楼处维权，要求开发商给出明确的交付时间。";
		assertThat(SimHash.distance(SimHash.of(ORIGINAL), SimHash.of(reprint))).isLessThanOrEqualTo(SimHash.NEAR);
	}

	@Test
	void unrelatedTextsStayFar() {
		String other = "武进区住建局召开根治欠薪工作推进会\n会议要求各在建项目落实农民工工资专户和实名制管理，"
				+ "春节前确保不拖欠农民工工资，对恶意欠薪行为依法严肃处理。";
		String third = "常州市推进老旧小区改造\n今年完成加装电梯120台，改造雨污分流管网30公里，惠及居民两万户。";
		assertThat(SimHash.distance(SimHash.of(ORIGINAL), SimHash.of(other))).isGreaterThan(SimHash.NEAR);
		assertThat(SimHash.distance(SimHash.of(ORIGINAL), SimHash.of(third))).isGreaterThan(SimHash.NEAR);
		assertThat(SimHash.distance(SimHash.of(other), SimHash.of(third))).isGreaterThan(SimHash.NEAR);
	}

}
