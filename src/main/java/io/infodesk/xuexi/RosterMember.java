package io.infodesk.xuexi;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.infodesk.shared.crypto.EncryptedText;

/**
 * A person on the roster of who must study (S3.4-a), linked to their platform identity (name + phone, or the
 * platform member ID), with the platform organisation and the registration. The person, their unit and the
 * section-level cadre flag belong to the organisation module (maintained by the personnel section).
 */
@Entity
@Table(name = "xuexi_member")
public class RosterMember {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "person_id")
	private long personId;

	@Column(name = "unit_id")
	private long unitId;

	private boolean required = true;

	@Column(name = "platform_name")
	private String platformName;

	@Column(name = "platform_phone")
	@Convert(converter = EncryptedText.class)
	private String platformPhone;

	@Column(name = "platform_member_id")
	private String platformMemberId;

	@Column(name = "platform_org")
	private String platformOrg;

	private boolean registered;

	@Column(name = "registered_on")
	private LocalDate registeredOn;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Version
	private long version;

	protected RosterMember() {
	}

	public RosterMember(long personId, long unitId, Instant now) {
		this.personId = personId;
		this.unitId = unitId;
		this.createdAt = now;
		this.updatedAt = now;
	}

	public void touch(Instant now) {
		this.updatedAt = now;
	}

	/** Marks the member registered on the day first seen in a report, unless registered earlier. */
	public boolean seenOn(LocalDate day) {
		if (registered && (registeredOn == null || !registeredOn.isAfter(day))) {
			return false;
		}
		registered = true;
		registeredOn = day;
		return true;
	}

	public Long getId() {
		return id;
	}

	public long getPersonId() {
		return personId;
	}

	public long getUnitId() {
		return unitId;
	}

	public void setUnitId(long unitId) {
		this.unitId = unitId;
	}

	public boolean isRequired() {
		return required;
	}

	public void setRequired(boolean required) {
		this.required = required;
	}

	public String getPlatformName() {
		return platformName;
	}

	public void setPlatformName(String platformName) {
		this.platformName = platformName;
	}

	public String getPlatformPhone() {
		return platformPhone;
	}

	public void setPlatformPhone(String platformPhone) {
		this.platformPhone = platformPhone;
	}

	public String getPlatformMemberId() {
		return platformMemberId;
	}

	public void setPlatformMemberId(String platformMemberId) {
		this.platformMemberId = platformMemberId;
	}

	public String getPlatformOrg() {
		return platformOrg;
	}

	public void setPlatformOrg(String platformOrg) {
		this.platformOrg = platformOrg;
	}

	public boolean isRegistered() {
		return registered;
	}

	public void setRegistered(boolean registered) {
		this.registered = registered;
	}

	public LocalDate getRegisteredOn() {
		return registeredOn;
	}

	public void setRegisteredOn(LocalDate registeredOn) {
		this.registeredOn = registeredOn;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public long getVersion() {
		return version;
	}

}
