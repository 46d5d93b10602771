package io.infodesk.reporting.outcome;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.infodesk.reporting.AdministrativeLevel;

/** An entry of the directory of bodies (区委办, 市住建局 …). */
public record BodyForm(
		@NotBlank(message = "{reporting.body.name.required}") @Size(max = 100, message = "{reporting.body.name.size}") String name,
		@NotBlank(message = "{reporting.body.shortName.required}") @Size(max = 50, message = "{reporting.body.shortName.size}") String shortName,
		@NotNull(message = "{reporting.body.level.required}") AdministrativeLevel level,
		@NotNull(message = "{reporting.body.sortOrder.required}") @Min(value = 0, message = "{reporting.body.sortOrder.range}") @Max(value = 9999, message = "{reporting.body.sortOrder.range}") Integer sortOrder) {

	public static BodyForm blank() {
		return new BodyForm("", "", AdministrativeLevel.DISTRICT, 100);
	}

	public static BodyForm of(ReportingBody body) {
		return new BodyForm(body.getName(), body.getShortName(), body.getLevel(), body.getSortOrder());
	}

}
