package io.infodesk.reporting.item;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One author of an item: the person (with name and unit as they were when the item was written) and,
 * for a joint item, the share of credit in percent (null: equal shares).
 */
@Embeddable
public class ItemAuthor {

	@Column(name = "person_id")
	private Long personId;

	@Column(name = "person_name")
	private String personName;

	@Column(name = "unit_id")
	private Long unitId;

	private Integer weight;

	protected ItemAuthor() {
	}

	public ItemAuthor(Long personId, String personName, Long unitId, Integer weight) {
		this.personId = personId;
		this.personName = personName;
		this.unitId = unitId;
		this.weight = weight;
	}

	public Long getPersonId() {
		return personId;
	}

	public String getPersonName() {
		return personName;
	}

	public Long getUnitId() {
		return unitId;
	}

	public Integer getWeight() {
		return weight;
	}

}
