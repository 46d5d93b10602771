package io.infodesk.reporting.bulletin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the office enters for a periodical (刊物): name, editing unit, its unit, default 版记 lines and print count. */
public record PeriodicalForm(
		@NotBlank(message = "{reporting.periodical.name.required}") @Size(max = 50, message = "{reporting.periodical.name.size}") String name,
		@NotBlank(message = "{reporting.periodical.editingUnit.required}") @Size(max = 100, message = "{reporting.periodical.editingUnit.size}") String editingUnit,
		@NotNull(message = "{reporting.periodical.unit.required}") Long unitId,
		@Size(max = 500, message = "{reporting.bulletin.line.size}") String reportTo,
		@Size(max = 500, message = "{reporting.bulletin.line.size}") String copyTo,
		@NotNull(message = "{reporting.bulletin.copies.required}") @Min(value = 1, message = "{reporting.bulletin.copies.range}") @Max(value = 9999, message = "{reporting.bulletin.copies.range}") Integer copies,
		@Min(value = 0, message = "{reporting.periodical.totalOffset.range}") @Max(value = 99999, message = "{reporting.periodical.totalOffset.range}") Integer totalOffset,
		Boolean active) {

	public PeriodicalForm {
		active = Boolean.TRUE.equals(active);
	}

	public static PeriodicalForm blank(Long unitId) {
		return new PeriodicalForm("", "", unitId, "", "", 30, null, true);
	}

	public static PeriodicalForm of(Periodical periodical) {
		return new PeriodicalForm(periodical.getName(), periodical.getEditingUnit(), periodical.getUnitId(),
				periodical.getReportTo(), periodical.getCopyTo(), periodical.getCopies(), periodical.getTotalOffset(),
				periodical.isActive());
	}

}
