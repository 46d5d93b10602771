package io.infodesk.xuexi.internal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.infodesk.xuexi.ReportField;
import io.infodesk.xuexi.ReportKind;

/**
 * An import profile: how the columns of one report layout map to the fields, saved once and recognised next time by
 * the header row ({@code headerKey}: the headers joined by "|"). The mapping is kept by header text, so a layout with
 * the same headers in another order is another profile.
 */
@Entity
@Table(name = "xuexi_profile")
public class ImportProfile {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@Enumerated(EnumType.STRING)
	private ReportKind kind;

	@Column(name = "header_key")
	private String headerKey;

	/** FIELD=column index, separated by ";". */
	private String mapping;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected ImportProfile() {
	}

	public ImportProfile(String name, ReportKind kind, String headerKey, Map<ReportField, Integer> columns, Instant now) {
		this.headerKey = headerKey;
		this.createdAt = now;
		update(name, kind, columns, now);
	}

	public void update(String name, ReportKind kind, Map<ReportField, Integer> columns, Instant now) {
		this.name = name;
		this.kind = kind;
		StringBuilder text = new StringBuilder();
		columns.forEach((field, index) -> text.append(text.isEmpty() ? "" : ";").append(field).append('=').append(index));
		this.mapping = text.toString();
		this.updatedAt = now;
	}

	public static String headerKey(List<String> headers) {
		return String.join("|", headers.stream().map(String::strip).toList());
	}

	public Map<ReportField, Integer> columns() {
		Map<ReportField, Integer> columns = new EnumMap<>(ReportField.class);
		for (String part : mapping.split(";")) {
			if (part.contains("=")) {
				String[] pair = part.split("=", 2);
				columns.put(ReportField.valueOf(pair[0]), Integer.valueOf(pair[1]));
			}
		}
		return columns;
	}

	public Long getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public ReportKind getKind() {
		return kind;
	}

	public String getHeaderKey() {
		return headerKey;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

}
