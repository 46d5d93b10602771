package io.infodesk.reporting.outcome;

/** How an item went upward: 报送平台, 邮件, 纸质, 其他. Labels: {@code reporting.channel.<NAME>}. */
public enum SubmissionChannel {

	PLATFORM, EMAIL, PAPER, OTHER

}
