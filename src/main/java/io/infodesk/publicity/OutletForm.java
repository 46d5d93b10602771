package io.infodesk.publicity;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An outlet as the office enters it; contact rows with an empty name are left out. */
public record OutletForm(
		@NotBlank(message = "{publicity.outlet.name.required}") @Size(max = 100, message = "{publicity.outlet.name.size}") String name,
		@NotNull(message = "{publicity.outlet.tier.required}") MediaTier tier,
		@NotNull(message = "{publicity.outlet.kind.required}") Outlet.Kind kind,
		@Size(max = 500, message = "{publicity.outlet.note.size}") String note, @Valid List<ContactEntry> contacts) {

	/** One contact row of the form. */
	public record ContactEntry(@Size(max = 50, message = "{publicity.outlet.contact.size}") String name,
			@Size(max = 50, message = "{publicity.outlet.contact.size}") String role,
			@Size(max = 30, message = "{publicity.outlet.contact.size}") String phone,
			@Size(max = 100, message = "{publicity.outlet.contact.size}") String email) {

	}

	public OutletForm {
		contacts = contacts == null ? new ArrayList<>() : new ArrayList<>(contacts);
	}

	public static OutletForm blank() {
		List<ContactEntry> rows = new ArrayList<>();
		rows.add(new ContactEntry("", "", "", ""));
		rows.add(new ContactEntry("", "", "", ""));
		return new OutletForm("", MediaTier.DISTRICT, Outlet.Kind.NEWSPAPER, "", rows);
	}

}
