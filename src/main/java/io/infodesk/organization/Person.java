package io.infodesk.organization;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.infodesk.shared.crypto.EncryptedText;
import io.infodesk.shared.crypto.KeyedHash;
import io.infodesk.shared.jpa.Stamped;

/** A person of the bureau system. Never deleted once they have records: deactivated instead. */
@Entity
@Table(name = "org_person")
public class Person extends Stamped {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@Column(name = "unit_id")
	private Long unitId;

	private String position;

	/** Personal data, stored encrypted (SM4-GCM); found by its keyed hash {@link #phoneHash}. */
	@Convert(converter = EncryptedText.class)
	private String phone;

	@Convert(converter = KeyedHash.class)
	@Column(name = "phone_hash")
	private String phoneHash;

	@Column(name = "party_member")
	private boolean partyMember;

	@Column(name = "section_level_cadre")
	private boolean sectionLevelCadre;

	@Column(name = "online_commentator")
	private boolean onlineCommentator;

	@Column(name = "sort_order")
	private int sortOrder;

	private boolean active = true;

	protected Person() {
	}

	public Person(String name, Long unitId, Instant now) {
		this.name = name;
		this.unitId = unitId;
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

	public Long getUnitId() {
		return unitId;
	}

	public void setUnitId(Long unitId) {
		this.unitId = unitId;
	}

	public String getPosition() {
		return position;
	}

	public void setPosition(String position) {
		this.position = position;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
		this.phoneHash = phone;
	}

	public boolean isPartyMember() {
		return partyMember;
	}

	public void setPartyMember(boolean partyMember) {
		this.partyMember = partyMember;
	}

	public boolean isSectionLevelCadre() {
		return sectionLevelCadre;
	}

	public void setSectionLevelCadre(boolean sectionLevelCadre) {
		this.sectionLevelCadre = sectionLevelCadre;
	}

	public boolean isOnlineCommentator() {
		return onlineCommentator;
	}

	public void setOnlineCommentator(boolean onlineCommentator) {
		this.onlineCommentator = onlineCommentator;
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
