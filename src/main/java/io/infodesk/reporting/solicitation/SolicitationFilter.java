package io.infodesk.reporting.solicitation;

/**
 * The filter of the solicitation list and export: keyword (topic, requirements), requesting body, responsible
 * unit, and a state — a {@link SolicitationStatus} name, or {@code DUE_SOON} (open, due within 24 hours).
 */
public record SolicitationFilter(String keyword, Long bodyId, Long unitId, String state) {

	public static final String DUE_SOON = "DUE_SOON";

	public static SolicitationFilter none() {
		return new SolicitationFilter(null, null, null, null);
	}

}
