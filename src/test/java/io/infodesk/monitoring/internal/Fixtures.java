package io.infodesk.monitoring.internal;

/** Feed and page fixtures: realistic Chinese housing news and complaints, written for the tests. */
public final class Fixtures {

	private Fixtures() {
	}

	public static String rss() {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0"><channel><title>常州日报·民生</title><link>http://example.cn/</link><description>民生</description>
				<item><title>湖塘某楼盘逾期交房一年 业主聚集维权</title><link>http://example.cn/a/1.html?utm_source=rss</link>
				<description><![CDATA[<p>记者调查发现，湖塘镇某楼盘原定去年六月交房，至今仍未交付，开发商资金链断裂，项目停工。数十名业主聚集在售楼处维权。</p>]]></description>
				<pubDate>Mon, 07 Dec 2026 08:00:00 +0800</pubDate></item>
				<item><title>武进区住建局召开根治欠薪工作推进会</title><link>http://example.cn/a/2.html</link>
				<description>会议要求各在建项目落实农民工工资专户和实名制管理，春节前确保不拖欠农民工工资。</description>
				<pubDate>Mon, 07 Dec 2026 09:00:00 +0800</pubDate></item>
				<item><title>市民冬季健身指南</title><link>http://example.cn/a/3.html</link>
				<description>天气转冷，专家建议适量运动。</description></item>
				</channel></rss>
				""";
	}

	public static String gbkRss() {
		return """
				<?xml version="1.0" encoding="GBK"?>
				<rss version="2.0"><channel><title>论坛</title><link>http://bbs.example.cn/</link><description>论坛</description>
				<item><title>小区物业要撤场了，业委会在选新物业</title><link>http://bbs.example.cn/t/88</link>
				<description>我们小区老物业合同到期，业委会组织业主投票选聘新物业公司，老物业拒不交接，停车场乱收费。</description></item>
				</channel></rss>
				""";
	}

	public static String atom() {
		return """
				<?xml version="1.0" encoding="utf-8"?>
				<feed xmlns="http://www.w3.org/2005/Atom"><title>江苏新闻</title><id>urn:js</id><updated>2026-12-07T08:00:00+08:00</updated>
				<entry><title>湖塘一楼盘延期交房 数十业主聚集维权</title><id>urn:js:1</id><link href="http://js.example.cn/n/1"/>
				<updated>2026-12-07T10:00:00+08:00</updated>
				<summary>记者调查发现，湖塘镇某楼盘原定去年六月交房，至今仍未交付，开发商资金链断裂，项目停工。数十名业主聚集在售楼处维权。</summary></entry>
				</feed>
				""";
	}

	public static String listPage() {
		return """
				<html><head><meta charset="gbk"><title>通知公告</title></head><body>
				<ul class="news">
				<li><a href="/art/2026/12/7/art_1.html">常州市推进老旧小区改造 今年完成加装电梯120台</a><span class="date">2026-12-07</span></li>
				<li><a href="/art/2026/12/6/art_2.html" title="工地包工头拖欠工资 二十余名农民工讨薪">工地包工头拖欠工资…</a><span class="date">2026-12-06</span></li>
				</ul></body></html>
				""";
	}

}
