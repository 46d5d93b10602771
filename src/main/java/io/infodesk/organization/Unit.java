package io.infodesk.organization;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.infodesk.shared.jpa.Stamped;

/** A section (科室), directly affiliated institution (直属事业单位) or the leadership group. */
@Entity
@Table(name = "org_unit")
public class Unit extends Stamped {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@Column(name = "short_name")
	private String shortName;

	@Enumerated(EnumType.STRING)
	private UnitType type;

	@Column(name = "parent_id")
	private Long parentId;

	@Column(name = "head_id")
	private Long headId;

	@Column(name = "sort_order")
	private int sortOrder;

	private boolean active = true;

	protected Unit() {
	}

	public Unit(String name, UnitType type, Instant now) {
		this.name = name;
		this.type = type;
		created(now);
	}

	public Long getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getShortName() {
		return shortName;
	}

	public void setShortName(String shortName) {
		this.shortName = shortName;
	}

	public UnitType getType() {
		return type;
	}

	public void setType(UnitType type) {
		this.type = type;
	}

	public Long getParentId() {
		return parentId;
	}

	public void setParentId(Long parentId) {
		this.parentId = parentId;
	}

	public Long getHeadId() {
		return headId;
	}

	public void setHeadId(Long headId) {
		this.headId = headId;
	}

	public int getSortOrder() {
		return sortOrder;
	}

	public void setSortOrder(int sortOrder) {
		this.sortOrder = sortOrder;
	}

	public boolean isActive() {
		return active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

}
