package io.infodesk.reporting.item;

/**
 * Where the topic came from (S3.1-a): 人大建议, 政协提案, 日常信访, 网络舆情, 上级部署, 行业发展, 政策变化,
 * 中心工作. Labels: {@code reporting.source.<NAME>}.
 */
public enum SourceTag {

	NPC_SUGGESTION, CPPCC_PROPOSAL, PETITION, ONLINE_OPINION, SUPERIOR_DEPLOYMENT, INDUSTRY_DEVELOPMENT,
	POLICY_CHANGE, CORE_DUTY

}
