package io.infodesk.review;

/**
 * A step of the review chain is taken by whoever holds this role for the document's unit: the head of
 * that unit (科室负责人审核), an office editor (办公室编辑), the leader in charge of that unit (分管领导审签),
 * or a bureau leader (局主要领导审签). Names match the account roles. Labels: {@code reporting.chain.role.<NAME>}.
 */
public enum ReviewRole {

	UNIT_HEAD, OFFICE_EDITOR, LEADER_IN_CHARGE, BUREAU_LEADER;

	/** Leaders sign off (审签): a chain must end with one of them. */
	public boolean signsOff() {
		return this == LEADER_IN_CHARGE || this == BUREAU_LEADER;
	}

}
