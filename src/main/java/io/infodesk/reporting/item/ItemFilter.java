package io.infodesk.reporting.item;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The filter bar of the item list and the register export: keyword (title and text), unit, kind, one tag
 * (an angle or a source), status, and the range of the day drafted.
 *
 * @param tag an {@link Angle} or {@link SourceTag} name
 */
public record ItemFilter(String keyword, Long unitId, ItemKind kind, String tag, ItemStatus status,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

	public static ItemFilter none() {
		return new ItemFilter(null, null, null, null, null, null, null);
	}

	public Angle angle() {
		return parse(Angle.class);
	}

	public SourceTag source() {
		return parse(SourceTag.class);
	}

	private <E extends Enum<E>> E parse(Class<E> type) {
		if (tag == null || tag.isBlank()) {
			return null;
		}
		for (E value : type.getEnumConstants()) {
			if (value.name().equals(tag)) {
				return value;
			}
		}
		return null;
	}

}
