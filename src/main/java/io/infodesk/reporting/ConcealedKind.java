package io.infodesk.reporting;

/**
 * What a missed or concealed report (漏报 / 瞒报) is: 漏报 not reported (omitted), 瞒报 kept back on purpose
 * (concealed). In the base package because assessment scores the two differently.
 */
public enum ConcealedKind {

	OMITTED, CONCEALED

}
