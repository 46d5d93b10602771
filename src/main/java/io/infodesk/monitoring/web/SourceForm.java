package io.infodesk.monitoring.web;

import io.infodesk.monitoring.internal.Source;

/** The source form: a feed (RSS / Atom) or an HTML list page with its CSS selectors. */
public class SourceForm {

	private String name;

	private Source.Kind kind = Source.Kind.CITY;

	private Integer tier = 3;

	private String region;

	private Source.Format format = Source.Format.FEED;

	private String url;

	private String itemSelector;

	private String dateSelector;

	private String summarySelector;

	private Integer intervalMinutes = 60;

	private boolean enabled = true;

	private boolean allowInternal;

	static SourceForm of(Source s) {
		SourceForm form = new SourceForm();
		form.name = s.name();
		form.kind = s.kind();
		form.tier = s.tier();
		form.region = s.region();
		form.format = s.format();
		form.url = s.url();
		form.itemSelector = s.itemSelector();
		form.dateSelector = s.dateSelector();
		form.summarySelector = s.summarySelector();
		form.intervalMinutes = s.intervalMinutes();
		form.enabled = s.enabled();
		form.allowInternal = s.allowInternal();
		return form;
	}

	Source toSource(Long id) {
		return new Source(id, strip(name), kind, tier == null ? 0 : tier, strip(region), format, strip(url),
				strip(itemSelector), strip(dateSelector), strip(summarySelector),
				intervalMinutes == null ? 0 : intervalMinutes, enabled, allowInternal, null, null, null, null, 0, true,
				null, 0);
	}

	static String strip(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	public String getName() { return name; }
	public void setName(String name) { this.name = name; }
	public Source.Kind getKind() { return kind; }
	public void setKind(Source.Kind kind) { this.kind = kind; }
	public Integer getTier() { return tier; }
	public void setTier(Integer tier) { this.tier = tier; }
	public String getRegion() { return region; }
	public void setRegion(String region) { this.region = region; }
	public Source.Format getFormat() { return format; }
	public void setFormat(Source.Format format) { this.format = format; }
	public String getUrl() { return url; }
	public void setUrl(String url) { this.url = url; }
	public String getItemSelector() { return itemSelector; }
	public void setItemSelector(String itemSelector) { this.itemSelector = itemSelector; }
	public String getDateSelector() { return dateSelector; }
	public void setDateSelector(String dateSelector) { this.dateSelector = dateSelector; }
	public String getSummarySelector() { return summarySelector; }
	public void setSummarySelector(String summarySelector) { this.summarySelector = summarySelector; }
	public Integer getIntervalMinutes() { return intervalMinutes; }
	public void setIntervalMinutes(Integer intervalMinutes) { this.intervalMinutes = intervalMinutes; }
	public boolean isEnabled() { return enabled; }
	public void setEnabled(boolean enabled) { this.enabled = enabled; }
	public boolean isAllowInternal() { return allowInternal; }
	public void setAllowInternal(boolean allowInternal) { this.allowInternal = allowInternal; }

}
