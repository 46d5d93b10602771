package io.infodesk.organization.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Chinese summary of what an edit changed, for the audit trail: "职务：科员 → 副科长；手机号：（空） → 139…".
 * Only fields whose value really changed are listed.
 */
public final class Changes {

	private static final String EMPTY = "（空）";

	private final List<String> parts = new ArrayList<>();

	public Changes field(String label, Object before, Object after) {
		String was = show(before);
		String now = show(after);
		if (!Objects.equals(was, now)) {
			parts.add(label + "：" + was + " → " + now);
		}
		return this;
	}

	/** A field of personal data (a phone): compared whole, shown masked ({@code 139****5678}). */
	public Changes personal(String label, String before, String after) {
		if (!Objects.equals(show(before), show(after))) {
			parts.add(label + "：" + show(io.infodesk.shared.crypto.PersonalData.masked(before)) + " → "
					+ show(io.infodesk.shared.crypto.PersonalData.masked(after)));
		}
		return this;
	}

	public boolean isEmpty() {
		return parts.isEmpty();
	}

	@Override
	public String toString() {
		return String.join("；", parts);
	}

	static String show(Object value) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			return EMPTY;
		}
		if (value instanceof Boolean flag) {
			return flag ? "是" : "否";
		}
		return String.valueOf(value);
	}

}
