package io.infodesk.reporting.outcome;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.infodesk.reporting.AdministrativeLevel;

/**
 * A body the bureau reports to and receives solicitations from (区委办, 区政府办, 市住建局 …): a configurable
 * directory, seeded with the usual ones. Deactivated rather than deleted once used.
 */
@Entity
@Table(name = "rpt_body")
public class ReportingBody {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@Column(name = "short_name")
	private String shortName;

	@Enumerated(EnumType.STRING)
	private AdministrativeLevel level;

	@Column(name = "sort_order")
	private int sortOrder;

	private boolean active = true;

	@Column(name = "created_at")
	private Instant createdAt;

	protected ReportingBody() {
	}

	public ReportingBody(Instant now) {
		this.createdAt = now;
	}

	public void change(String name, String shortName, AdministrativeLevel level, int sortOrder) {
		this.name = name;
		this.shortName = shortName;
		this.level = level;
		this.sortOrder = sortOrder;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public Long getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public String getShortName() {
		return shortName;
	}

	public AdministrativeLevel getLevel() {
		return level;
	}

	public int getSortOrder() {
		return sortOrder;
	}

	public boolean isActive() {
		return active;
	}

}
