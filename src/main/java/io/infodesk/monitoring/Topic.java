package io.infodesk.monitoring;

/**
 * The three housing hot spots of S3.6-b that turn into group petitions: property delivery (房地产交付), migrant
 * workers' wages (农民工工资) and property management (物业: change of company, disputes, owners' committees, fees).
 * Labels are message keys {@code monitoring.topic.<NAME>}.
 */
public enum Topic {

	DELIVERY, WAGES, PROPERTY

}
