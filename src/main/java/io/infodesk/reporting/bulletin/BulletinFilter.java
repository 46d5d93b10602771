package io.infodesk.reporting.bulletin;

/** The filter bar of the bulletin list and its Excel export: periodical, year, status. */
public record BulletinFilter(Long periodicalId, Integer year, BulletinStatus status) {

	public static BulletinFilter none() {
		return new BulletinFilter(null, null, null);
	}

}
