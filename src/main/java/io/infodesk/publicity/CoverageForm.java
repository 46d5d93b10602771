package io.infodesk.publicity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** A coverage record as entered: outlet, day, title, link, form, placement, the people credited (rows without a person are left out). */
public record CoverageForm(@NotNull(message = "{publicity.coverage.outlet.required}") Long outletId,
		@NotNull(message = "{publicity.coverage.on.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate publishedOn,
		@NotBlank(message = "{publicity.coverage.title.required}") @Size(max = 200, message = "{publicity.coverage.title.size}") String title,
		@Size(max = 500, message = "{publicity.coverage.link.size}") String link,
		@NotNull(message = "{publicity.coverage.form.required}") Coverage.Form form,
		@NotNull(message = "{publicity.coverage.placement.required}") Coverage.Placement placement,
		@Valid List<CreditEntry> credits) {

	/** A person credited and their share in percent (empty: equal shares). */
	public record CreditEntry(Long personId,
			@Min(value = 1, message = "{publicity.coverage.weight.range}") @Max(value = 100, message = "{publicity.coverage.weight.range}") Integer weight) {

	}

	public CoverageForm {
		credits = credits == null ? new ArrayList<>() : new ArrayList<>(credits);
	}

	public static CoverageForm blank(LocalDate today) {
		List<CreditEntry> rows = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			rows.add(new CreditEntry(null, null));
		}
		return new CoverageForm(null, today, "", "", Coverage.Form.NEWS, Coverage.Placement.ORDINARY, rows);
	}

	/** The rows that name a person. */
	public List<CreditEntry> named() {
		return credits.stream().filter(c -> c != null && c.personId() != null).toList();
	}

}
