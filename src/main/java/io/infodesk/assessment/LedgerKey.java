package io.infodesk.assessment;

/**
 * What makes a ledger entry unique (with its revision): the source event, the rule key and the recipient
 * ("U:12" a unit, "P:34" a person). The same event delivered twice finds its key taken and scores nothing.
 */
public record LedgerKey(String sourceType, String sourceId, String ruleKey, String recipientKey) {

	public static String unit(long unitId) {
		return "U:" + unitId;
	}

	public static String person(long personId) {
		return "P:" + personId;
	}

	public boolean personal() {
		return recipientKey.startsWith("P:");
	}

}
