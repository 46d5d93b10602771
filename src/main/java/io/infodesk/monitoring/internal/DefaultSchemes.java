package io.infodesk.monitoring.internal;

import java.util.List;

import io.infodesk.monitoring.Topic;

/**
 * The schemes InfoDesk ships (issue 14 point 4), installed into an empty scheme table and editable by the office;
 * {@code match --defaults} uses them as they are here. docs/monitoring.md explains each.
 */
public final class DefaultSchemes {

	/** The region words of the district, its city and Jiangsu (the notice is a Wujin, Changzhou bureau's). */
	static final String JIANGSU = "江苏 苏南 苏北 南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 "
			+ "昆山 江阴 张家港 常熟 宜兴 溧阳 金坛 武进 新北区 天宁区 钟楼区 经开区";

	static final String WUJIN = "武进 武进区 湖塘 牛塘 洛阳镇 遥观 横林 横山桥 雪堰 前黄 礼嘉 嘉泽 湟里 南夏墅 西湖街道 "
			+ "高新区 常州";

	private DefaultSchemes() {
	}

	public static List<Scheme> all() {
		return List.of(domain(), delivery(), wages(), property(), class1(), class2(), class3(), class4(), class5(),
				class6());
	}

	private static Scheme scheme(String code, String name, boolean relevant, Topic topic, Integer classNo,
			Scheme.Logic logic, Integer proximity, int weight, String region, String subject, String event,
			String exclusion) {
		return new Scheme(null, code, name, relevant, topic, classNo, logic, proximity, weight, Scheme.words(region),
				Scheme.words(subject), Scheme.words(event), Scheme.words(exclusion), true);
	}

	/** 住建领域: anything a district housing and urban-rural development bureau handles. */
	static Scheme domain() {
		return scheme("HOUSING", "住建领域", true, null, null, Scheme.Logic.OR, null, 1, "",
				"住建 住房和城乡建设 住建局 建设局 房管局 房管 住房 商品房 二手房 房地产 房产 房企 开发商 楼盘 楼市 房价 购房 "
						+ "买房 卖房 售楼 售房 预售 网签 交房 交付使用 收房 房子 新房 期房 现房 房屋 房本 不动产权证 "
						+ "烂尾 保交楼 物业 业委会 业主 小区 住宅 公寓 电梯加装 加装电梯 老旧小区 旧改 城中村 "
						+ "棚改 棚户区 保障房 保障性住房 公租房 廉租房 人才公寓 安置房 拆迁 房屋征收 住房公积金 公积金 "
						+ "租房 房租 租赁住房 房东 房产中介 工地 施工 在建 建筑工地 建筑工人 农民工 欠薪 讨薪 工程款 "
						+ "包工头 塔吊 脚手架 渣土 扬尘 违建 违章建筑 违章搭建 危房 危旧房 房屋安全 建筑安全 "
						+ "城建 城市建设 市政 道路施工 燃气 管网 雨污分流 海绵城市 城市更新 人居环境 "
						+ "装修 装饰 建材 监理 质监 质量安全 竣工 验收 墙体 外墙 地下车库 车位",
				"", "房车 房颤 乳房 药房 票房 心房 机房 书房 花房 厨房用品 微信群主 游戏房 网红楼");
	}

	/** 房地产交付: late handover, quality at delivery, unfinished projects. */
	static Scheme delivery() {
		return scheme("DELIVERY", "房地产交付", true, Topic.DELIVERY, null, Scheme.Logic.AND, null, 3, "",
				"房 楼 小区 项目 开发商 房企 业主 购房者 购房人 楼盘",
				"交房 交付 收房 延期 逾期 烂尾 停工 停摆 复工 保交楼 货不对板 质量问题 漏水 渗水 开裂 裂缝 空鼓 "
						+ "验房 维权 退房 断供 延迟",
				"软件交付 货物交付 交付能力 交付周期 汽车交付 新车交付 车辆交付");
	}

	/** 农民工工资: unpaid or late wages of construction and migrant workers. */
	static Scheme wages() {
		return scheme("WAGES", "农民工工资", true, Topic.WAGES, null, Scheme.Logic.AND, null, 3, "",
				"农民工 民工 工人 工友 包工头 班组 劳务 施工单位 总包 分包 工地 建筑 工程 项目部 施工队 装修队",
				"工资 欠薪 讨薪 工钱 薪资 血汗钱 拖欠 讨要 结算 工程款 保证金 实名制 专户 根治欠薪", "");
	}

	/** 物业: change of property company, disputes with it, owners' committees, fees. */
	static Scheme property() {
		return scheme("PROPERTY", "物业", true, Topic.PROPERTY, null, Scheme.Logic.OR, null, 3, "",
				"物业 物业公司 物业服务 物业管理 物业费 物管 业委会 业主委员会 业主大会 前期物业 维修基金 维修资金 "
						+ "公共收益 停车费",
				"", "物业税 商业物业投资 物业估值");
	}

	/** S3.5-b class 1: emergencies elsewhere, sudden events in Jiangsu. */
	static Scheme class1() {
		return scheme("CLASS1", "重大信息·突发事件", false, null, 1, Scheme.Logic.OR, null, 4, "", "",
				"突发 坍塌 倒塌 塌陷 垮塌 爆炸 火灾 起火 燃气泄漏 燃气爆炸 伤亡 遇难 死亡 被困 疫情 地震 洪涝 "
						+ "暴雨 台风 内涝 泥石流 滑坡 安全事故 生产事故 事故",
				"演练 应急演练 消防演练 模拟");
	}

	/** S3.5-b class 2: stability-related events in other Jiangsu cities. */
	static Scheme class2() {
		return scheme("CLASS2", "重大信息·维稳事件", false, null, 2, Scheme.Logic.AND, null, 4, JIANGSU, "",
				"群体性事件 群体性 聚集 围堵 上访 集体上访 信访 拉横幅 堵路 静坐 讨薪 维权 冲突 闹事", "");
	}

	/** S3.5-b class 3: negative opinion involving Jiangsu, its main cities, important carriers. */
	static Scheme class3() {
		return scheme("CLASS3", "重大信息·负面舆情", false, null, 3, Scheme.Logic.AND, null, 4, JIANGSU, "",
				"曝光 通报批评 问责 约谈 暗访 短板 排名靠后 垫底 整改不力 被点名 负面 投诉 差评 黑榜 不达标", "");
	}

	/** S3.5-b class 4: major new policies of the Centre and the ministries. */
	static Scheme class4() {
		return scheme("CLASS4", "重大信息·重大政策", false, null, 4, Scheme.Logic.AND, 40, 2, "",
				"中共中央 国务院 国务院办公厅 住房和城乡建设部 住房城乡建设部 住建部 国家发展改革委 发展改革委 财政部 "
						+ "自然资源部 人力资源社会保障部 人社部 中国人民银行 人民银行 金融监管总局 应急管理部",
				"印发 出台 发布 通知 意见 办法 条例 规定 新政 指导意见 实施方案 部署", "");
	}

	/** S3.5-b class 5: innovative practices of Beijing, Shanghai, Guangdong, Zhejiang, Fujian, Shandong and
	 * sub-provincial cities. */
	static Scheme class5() {
		return scheme("CLASS5", "重大信息·创新做法", false, null, 5, Scheme.Logic.AND, null, 2,
				"北京 上海 广东 浙江 福建 山东 深圳 广州 杭州 宁波 厦门 青岛 济南 成都 武汉 西安 沈阳 大连 长春 哈尔滨 "
						+ "南京",
				"", "创新 首创 试点 经验做法 新模式 新机制 率先 探索 改革 样板 示范", "");
	}

	/** S3.5-b class 6: Wujin housing and construction firsts and onlys, in mainstream media. */
	static Scheme class6() {
		return scheme("CLASS6", "重大信息·武进住建首创", false, null, 6, Scheme.Logic.AND, null, 3, WUJIN,
				"住建 住房 建设 物业 房地产 城建 工地 建筑 老旧小区 保障房 公积金",
				"首个 首家 首批 唯一 全省首 全市首 全国首 第一 率先 首创", "");
	}

}
