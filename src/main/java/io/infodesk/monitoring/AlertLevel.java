package io.infodesk.monitoring;

/**
 * Alert levels of the bureaus' contingency plans (../shared/PRACTICE.md): 一般 (blue), 较大 (yellow), 重大 (orange),
 * 特别重大 (red), in rising order. {@link #label()} is the Chinese name used in the match output; the UI uses the
 * message keys {@code monitoring.level.<NAME>}.
 */
public enum AlertLevel {

	GENERAL("一般", "blue"), LARGER("较大", "yellow"), MAJOR("重大", "orange"), SEVERE("特别重大", "red");

	private final String label;

	private final String colour;

	AlertLevel(String label, String colour) {
		this.label = label;
		this.colour = colour;
	}

	public String label() {
		return label;
	}

	public String colour() {
		return colour;
	}

	/** The level of that name, or null for none or an unknown one (form input). */
	public static AlertLevel valueOfOrNull(String name) {
		for (AlertLevel level : values()) {
			if (level.name().equals(name)) {
				return level;
			}
		}
		return null;
	}

}
