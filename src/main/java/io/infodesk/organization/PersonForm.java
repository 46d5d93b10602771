package io.infodesk.organization;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a user enters (or an import row holds) to create or edit a person. */
public record PersonForm(
		@NotBlank(message = "{person.name.required}") @Size(max = 50, message = "{person.name.size}") String name,
		@NotNull(message = "{person.unit.required}") Long unitId,
		@Size(max = 100, message = "{person.position.size}") String position,
		@Pattern(regexp = PHONE, message = "{person.phone.invalid}") String phone, Boolean partyMember,
		Boolean sectionLevelCadre, Boolean onlineCommentator,
		@NotNull(message = "{org.sortOrder.required}") @Min(value = 0, message = "{org.sortOrder.range}") @Max(value = 9999, message = "{org.sortOrder.range}") Integer sortOrder) {

	/**
	 * Empty, a mainland mobile number (1[3-9] and 9 digits) or a landline with area code, e.g.
	 * 0519-86301234.
	 */
	public static final String PHONE = "^$|^1[3-9]\\d{9}$|^0\\d{2,3}-\\d{7,8}$";

	/** An unticked or missing flag is "no". */
	public PersonForm {
		partyMember = Boolean.TRUE.equals(partyMember);
		sectionLevelCadre = Boolean.TRUE.equals(sectionLevelCadre);
		onlineCommentator = Boolean.TRUE.equals(onlineCommentator);
	}

	public static PersonForm blank(Long unitId) {
		return new PersonForm("", unitId, "", "", false, false, false, 0);
	}

	public static PersonForm of(Person person) {
		return new PersonForm(person.getName(), person.getUnitId(), person.getPosition(), person.getPhone(),
				person.isPartyMember(), person.isSectionLevelCadre(), person.isOnlineCommentator(),
				person.getSortOrder());
	}

}
