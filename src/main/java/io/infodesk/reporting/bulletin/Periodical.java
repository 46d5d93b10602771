package io.infodesk.reporting.bulletin;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.infodesk.shared.jpa.Stamped;

/**
 * A periodical the office edits (《住建信息》, 《信息专报》, S3.1-d): its name as printed in the red 报头, the editing
 * unit, the unit whose review chain its issues go through, the default 报送 / 抄送 lines and print count of its
 * 版记, and an optional offset of the running number (总第N期) for a periodical that existed before InfoDesk.
 */
@Entity
@Table(name = "rpt_periodical")
public class Periodical extends Stamped {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@Column(name = "editing_unit")
	private String editingUnit;

	@Column(name = "unit_id")
	private Long unitId;

	@Column(name = "report_to")
	private String reportTo;

	@Column(name = "copy_to")
	private String copyTo;

	private int copies;

	@Column(name = "total_offset")
	private Integer totalOffset;

	private boolean active = true;

	protected Periodical() {
	}

	Periodical(Instant now) {
		created(now);
	}

	void change(String name, String editingUnit, long unitId, String reportTo, String copyTo, int copies,
			Integer totalOffset, boolean active, Instant now) {
		this.name = name;
		this.editingUnit = editingUnit;
		this.unitId = unitId;
		this.reportTo = reportTo;
		this.copyTo = copyTo;
		this.copies = copies;
		this.totalOffset = totalOffset;
		this.active = active;
		touch(now);
	}

	/** Whether its regular issues carry a running number (总第N期). */
	public boolean countsTotal() {
		return totalOffset != null;
	}

	public Long getId() {
		return id;
	}

	/** The name without book-title marks, e.g. 住建信息. */
	public String getName() {
		return name;
	}

	/** The editing unit as printed in the 报头, e.g. ××区住房和城乡建设局办公室. */
	public String getEditingUnit() {
		return editingUnit;
	}

	/** The unit whose review chain the issues go through (the office). */
	public Long getUnitId() {
		return unitId;
	}

	public String getReportTo() {
		return reportTo;
	}

	public String getCopyTo() {
		return copyTo;
	}

	public int getCopies() {
		return copies;
	}

	/** Issues before InfoDesk: the first regular issue here is 总第 (offset + 1) 期; null: no running number. */
	public Integer getTotalOffset() {
		return totalOffset;
	}

	public boolean isActive() {
		return active;
	}

}
