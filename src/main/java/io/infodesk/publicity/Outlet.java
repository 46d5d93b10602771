package io.infodesk.publicity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import io.infodesk.shared.crypto.EncryptedText;

/** An outlet of the media directory: name, tier, kind, and its contacts (shown to the office and leaders only). */
@Entity
@Table(name = "pub_outlet")
public class Outlet {

	/** 报纸, 电视, 广播, 网站, 新媒体, 行业媒体 */
	public enum Kind {

		NEWSPAPER, TELEVISION, RADIO, WEBSITE, NEW_MEDIA, TRADE

	}

	/** A contact at the outlet (name, role, phone, e-mail). */
	@Embeddable
	public static class Contact {

		private String name;

		private String role;

		@Convert(converter = EncryptedText.class)
		private String phone;

		@Convert(converter = EncryptedText.class)
		private String email;

		protected Contact() {
		}

		public Contact(String name, String role, String phone, String email) {
			this.name = name;
			this.role = role;
			this.phone = phone;
			this.email = email;
		}

		public String getName() {
			return name;
		}

		public String getRole() {
			return role;
		}

		public String getPhone() {
			return phone;
		}

		public String getEmail() {
			return email;
		}

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@Enumerated(EnumType.STRING)
	private MediaTier tier;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	private String note;

	private boolean active = true;

	@Column(name = "created_at")
	private Instant createdAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "pub_outlet_contact", joinColumns = @JoinColumn(name = "outlet_id"))
	@OrderColumn(name = "position")
	private List<Contact> contacts = new ArrayList<>();

	protected Outlet() {
	}

	Outlet(String name, MediaTier tier, Kind kind, String note, List<Contact> contacts, Instant createdAt) {
		this.createdAt = createdAt;
		update(name, tier, kind, note, contacts);
	}

	void update(String name, MediaTier tier, Kind kind, String note, List<Contact> contacts) {
		this.name = name;
		this.tier = tier;
		this.kind = kind;
		this.note = note;
		this.contacts.clear();
		this.contacts.addAll(contacts);
	}

	public Long getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public MediaTier getTier() {
		return tier;
	}

	public Kind getKind() {
		return kind;
	}

	public String getNote() {
		return note;
	}

	public boolean isActive() {
		return active;
	}

	public List<Contact> getContacts() {
		return List.copyOf(contacts);
	}

}
