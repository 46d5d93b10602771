package io.infodesk.reporting.bulletin;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One item of a bulletin, as compiled: the item it comes from, its title and text (one paragraph per line) as
 * they were when the office compiled the issue, and the unit that supplied it (printed under the text).
 */
@Embeddable
public class BulletinEntry {

	@Column(name = "item_id")
	private Long itemId;

	private String title;

	@Column(name = "body_text")
	private String bodyText;

	@Column(name = "unit_name")
	private String unitName;

	protected BulletinEntry() {
	}

	public BulletinEntry(Long itemId, String title, String bodyText, String unitName) {
		this.itemId = itemId;
		this.title = title;
		this.bodyText = bodyText;
		this.unitName = unitName;
	}

	public Long getItemId() {
		return itemId;
	}

	public String getTitle() {
		return title;
	}

	public String getBodyText() {
		return bodyText;
	}

	public String getUnitName() {
		return unitName;
	}

	/** The text as paragraphs (lines that are not blank). */
	public java.util.List<String> paragraphs() {
		return bodyText.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
	}

}
