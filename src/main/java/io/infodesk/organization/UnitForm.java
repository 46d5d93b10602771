package io.infodesk.organization;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a user enters to create or edit a unit; the head can only be chosen among the unit's people. */
public record UnitForm(
		@NotBlank(message = "{unit.name.required}") @Size(max = 100, message = "{unit.name.size}") String name,
		@Size(max = 50, message = "{unit.shortName.size}") String shortName,
		@NotNull(message = "{unit.type.required}") UnitType type, Long parentId, Long headId,
		@NotNull(message = "{org.sortOrder.required}") @Min(value = 0, message = "{org.sortOrder.range}") @Max(value = 9999, message = "{org.sortOrder.range}") Integer sortOrder) {

	public static UnitForm blank() {
		return new UnitForm("", "", UnitType.SECTION, null, null, 0);
	}

	public static UnitForm of(Unit unit) {
		return new UnitForm(unit.getName(), unit.getShortName(), unit.getType(), unit.getParentId(), unit.getHeadId(),
				unit.getSortOrder());
	}

}
