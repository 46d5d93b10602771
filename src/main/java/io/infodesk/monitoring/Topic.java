package io.infodesk.monitoring;

/**
 * The three housing hot spots of S3.6-b that turn into group petitions: property delivery (房地产交付), migrant
 * workers' wages (农民工工资) and property management (物业: change of company, disputes, owners' committees, fees).
 * Labels are message keys {@code monitoring.topic.<NAME>}.
 */
public enum Topic {

	DELIVERY("房地产交付"), WAGES("农民工工资"), PROPERTY("物业");

	private final String label;

	Topic(String label) {
		this.label = label;
	}

	/** The Chinese name (as {@code monitoring.topic.<NAME>}), for texts built without the message bundle. */
	public String label() {
		return label;
	}

}
