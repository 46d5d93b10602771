package io.infodesk.xuexi;

/**
 * The levels of the 学习强国 platform an article is supplied to (S3.4-d): 市级学习平台, 省级学习平台, 全国总平台. Their names
 * are the qualifiers of assessment's {@code XUEXI_ARTICLE} rule. Labels {@code xuexi.level.<NAME>}.
 */
public enum PlatformLevel {

	CITY, PROVINCE, NATIONAL

}
