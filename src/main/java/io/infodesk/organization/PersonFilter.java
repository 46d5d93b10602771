package io.infodesk.organization;

/**
 * The filter bar of the people list: keyword (name, position, phone), unit, party member,
 * section-level cadre, online commentator (null = either) and active status (default: active).
 */
public record PersonFilter(String keyword, Long unitId, Boolean partyMember, Boolean sectionLevelCadre,
		Boolean onlineCommentator, ActiveStatus status) {

	public PersonFilter {
		keyword = keyword == null || keyword.isBlank() ? null : keyword.strip();
		status = status == null ? ActiveStatus.ACTIVE : status;
	}

	public static PersonFilter ofUnit(Long unitId) {
		return new PersonFilter(null, unitId, null, null, null, ActiveStatus.ACTIVE);
	}

}
