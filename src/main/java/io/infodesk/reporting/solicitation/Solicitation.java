package io.infodesk.reporting.solicitation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import io.infodesk.shared.jpa.Stamped;

/**
 * A solicitation (约稿, S3.1-c) from a body: topic, requirements, the day received, the deadline, the units
 * and people answerable (落实主体). It is delivered when an item answering it is submitted to the body that
 * asked; its status follows from the deadline and the delivery time.
 */
@Entity
@Table(name = "rpt_solicitation")
public class Solicitation extends Stamped {

	/** "Due soon": the deadline is at most this far ahead. */
	public static final Duration DUE_SOON = Duration.ofHours(24);

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "body_id")
	private Long bodyId;

	private String topic;

	private String requirements;

	@Column(name = "received_on")
	private LocalDate receivedOn;

	private Instant deadline;

	@Column(name = "registered_by_user_id")
	private Long registeredByUserId;

	@Column(name = "registered_by_name")
	private String registeredByName;

	@Column(name = "delivered_at")
	private Instant deliveredAt;

	@Column(name = "delivered_item_id")
	private Long deliveredItemId;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "rpt_solicitation_unit", joinColumns = @JoinColumn(name = "solicitation_id"))
	@Column(name = "unit_id")
	private Set<Long> unitIds = new LinkedHashSet<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "rpt_solicitation_owner", joinColumns = @JoinColumn(name = "solicitation_id"))
	private List<SolicitationOwner> owners = new ArrayList<>();

	protected Solicitation() {
	}

	public Solicitation(Long registeredByUserId, String registeredByName, Instant now) {
		this.registeredByUserId = registeredByUserId;
		this.registeredByName = registeredByName;
		created(now);
	}

	public void change(Long bodyId, String topic, String requirements, LocalDate receivedOn, Instant deadline,
			Set<Long> unitIds, List<SolicitationOwner> owners, Instant now) {
		this.bodyId = bodyId;
		this.topic = topic;
		this.requirements = requirements;
		this.receivedOn = receivedOn;
		this.deadline = deadline;
		this.unitIds.clear();
		this.unitIds.addAll(unitIds);
		this.owners.clear();
		this.owners.addAll(owners);
		touch(now);
	}

	/** The first delivery counts; later ones change nothing. Returns true when this one was the first. */
	public boolean deliver(long itemId, Instant at) {
		if (deliveredAt != null) {
			return false;
		}
		this.deliveredAt = at;
		this.deliveredItemId = itemId;
		touch(at);
		return true;
	}

	public SolicitationStatus statusAt(Instant now) {
		if (deliveredAt != null) {
			return deliveredAt.isAfter(deadline) ? SolicitationStatus.DELIVERED_LATE : SolicitationStatus.DELIVERED_ON_TIME;
		}
		return now.isAfter(deadline) ? SolicitationStatus.MISSED : SolicitationStatus.OPEN;
	}

	/** Open and due within 24 hours. */
	public boolean dueSoonAt(Instant now) {
		return statusAt(now) == SolicitationStatus.OPEN && !deadline.isAfter(now.plus(DUE_SOON));
	}

	/** How late the delivery was, or how long past the deadline a missed one is; zero otherwise. */
	public Duration lateness(Instant now) {
		Instant end = deliveredAt != null ? deliveredAt : now;
		return end.isAfter(deadline) ? Duration.between(deadline, end) : Duration.ZERO;
	}

	/** Time left before the deadline while open; zero after it. */
	public Duration timeLeft(Instant now) {
		return deliveredAt == null && now.isBefore(deadline) ? Duration.between(now, deadline) : Duration.ZERO;
	}

	public boolean isAnswerableBy(Long unitId, Long personId) {
		return (unitId != null && unitIds.contains(unitId))
				|| (personId != null && owners.stream().anyMatch(owner -> personId.equals(owner.getPersonId())));
	}

	public Long getId() {
		return id;
	}

	public Long getBodyId() {
		return bodyId;
	}

	public String getTopic() {
		return topic;
	}

	public String getRequirements() {
		return requirements;
	}

	public LocalDate getReceivedOn() {
		return receivedOn;
	}

	public Instant getDeadline() {
		return deadline;
	}

	public Long getRegisteredByUserId() {
		return registeredByUserId;
	}

	public String getRegisteredByName() {
		return registeredByName;
	}

	public Instant getDeliveredAt() {
		return deliveredAt;
	}

	public Long getDeliveredItemId() {
		return deliveredItemId;
	}

	public Set<Long> getUnitIds() {
		return Set.copyOf(unitIds);
	}

	public List<SolicitationOwner> getOwners() {
		return List.copyOf(owners);
	}

}
