package io.infodesk.reporting.material;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An item draws on a material of the library (S3.1-b): linked by whom and when. */
@Entity
@Table(name = "rpt_item_material")
public class MaterialLink {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "item_id")
	private Long itemId;

	@Column(name = "material_id")
	private Long materialId;

	@Column(name = "linked_by_name")
	private String linkedByName;

	@Column(name = "linked_at")
	private Instant linkedAt;

	protected MaterialLink() {
	}

	MaterialLink(Long itemId, Long materialId, String linkedByName, Instant linkedAt) {
		this.itemId = itemId;
		this.materialId = materialId;
		this.linkedByName = linkedByName;
		this.linkedAt = linkedAt;
	}

	public Long getId() {
		return id;
	}

	public Long getItemId() {
		return itemId;
	}

	public Long getMaterialId() {
		return materialId;
	}

	public String getLinkedByName() {
		return linkedByName;
	}

	public Instant getLinkedAt() {
		return linkedAt;
	}

}
