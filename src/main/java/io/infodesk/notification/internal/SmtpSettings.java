package io.infodesk.notification.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.infodesk.shared.crypto.EncryptedText;

/** The SMTP server the admin configured (one row). The password is never shown on a page. */
@Entity
@Table(name = "notification_smtp")
public class SmtpSettings {

	static final long ID = 1;

	@Id
	private Long id = ID;

	private String host;

	private int port;

	private String username;

	// stored encrypted (SM4, GB/T 39786): read back to log in to the server / to sign
	@Convert(converter = EncryptedText.class)
	private String password;

	@Column(name = "from_address")
	private String fromAddress;

	private boolean starttls;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected SmtpSettings() {
	}

	SmtpSettings(Instant now) {
		this.updatedAt = now;
	}

	void update(String host, int port, String username, String newPassword, String fromAddress, boolean starttls,
			Instant now) {
		this.host = host;
		this.port = port;
		this.username = username;
		if (newPassword != null && !newPassword.isEmpty()) {
			this.password = newPassword;
		}
		this.fromAddress = fromAddress;
		this.starttls = starttls;
		this.updatedAt = now;
	}

	public String getHost() {
		return host;
	}

	public int getPort() {
		return port;
	}

	public String getUsername() {
		return username;
	}

	String getPassword() {
		return password;
	}

	public boolean isPasswordSet() {
		return password != null && !password.isEmpty();
	}

	public String getFromAddress() {
		return fromAddress;
	}

	public boolean isStarttls() {
		return starttls;
	}

}
