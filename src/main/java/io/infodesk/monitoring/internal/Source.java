package io.infodesk.monitoring.internal;

import java.time.Instant;

/**
 * A watched source: a feed (RSS or Atom) or an HTML list page with CSS selectors, its kind and tier (1 central,
 * 2 provincial, 3 city, 4 district, industry or forum), region, fetch interval, and its health: the stored ETag /
 * Last-Modified for conditional GETs, consecutive failures, the next fetch (back-off) and the last status.
 */
public record Source(Long id, String name, Kind kind, int tier, String region, Format format, String url,
		String itemSelector, String dateSelector, String summarySelector, int intervalMinutes, boolean enabled,
		boolean allowInternal, String etag, String lastModified, Instant lastFetchedAt, Instant nextFetchAt,
		int failures, boolean healthy, String lastStatus, int lastNewItems) {

	/** Labels: {@code monitoring.source.kind.<NAME>}. */
	public enum Kind {

		CENTRAL, PROVINCIAL, CITY, GOVERNMENT, INDUSTRY, FORUM

	}

	/** Labels: {@code monitoring.source.format.<NAME>}. */
	public enum Format {

		FEED, HTML

	}

	/** Failures in a row after which a source is shown unhealthy. */
	public static final int UNHEALTHY_AFTER = 3;

	public void validate() {
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new SchemeInvalid("monitoring.source.error.name");
		}
		if (url == null || !url.strip().matches("(?i)https?://[^\\s]{1,990}")) {
			throw new SchemeInvalid("monitoring.source.error.url");
		}
		if (kind == null || format == null) {
			throw new SchemeInvalid("monitoring.source.error.kind");
		}
		if (tier < 1 || tier > 4) {
			throw new SchemeInvalid("monitoring.source.error.tier");
		}
		if (intervalMinutes < 5 || intervalMinutes > 1440) {
			throw new SchemeInvalid("monitoring.source.error.interval");
		}
		if (region != null && region.length() > 60) {
			throw new SchemeInvalid("monitoring.source.error.region");
		}
		for (String selector : new String[] { itemSelector, dateSelector, summarySelector }) {
			if (selector != null && selector.length() > 300) {
				throw new SchemeInvalid("monitoring.source.error.selectorLength");
			}
		}
		if (format == Format.HTML && (itemSelector == null || itemSelector.isBlank())) {
			throw new SchemeInvalid("monitoring.source.error.selector");
		}
		if (format == Format.HTML) {
			for (String selector : new String[] { itemSelector, dateSelector, summarySelector }) {
				if (selector != null && !selector.isBlank()) {
					try {
						org.jsoup.select.QueryParser.parse(selector);
					}
					catch (RuntimeException invalid) {
						throw new SchemeInvalid("monitoring.source.error.selectorSyntax", selector);
					}
				}
			}
		}
	}

}
