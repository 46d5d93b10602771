package io.infodesk.reporting.solicitation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A person answerable for a solicitation (落实主体), with the name as it was when assigned. */
@Embeddable
public class SolicitationOwner {

	@Column(name = "person_id")
	private Long personId;

	@Column(name = "person_name")
	private String personName;

	protected SolicitationOwner() {
	}

	public SolicitationOwner(Long personId, String personName) {
		this.personId = personId;
		this.personName = personName;
	}

	public Long getPersonId() {
		return personId;
	}

	public String getPersonName() {
		return personName;
	}

}
