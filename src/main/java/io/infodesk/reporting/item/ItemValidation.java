package io.infodesk.reporting.item;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;
import io.infodesk.reporting.ReportingException;
import io.infodesk.reporting.solicitation.Solicitation;
import io.infodesk.reporting.solicitation.Solicitations;
import io.infodesk.reporting.urgent.UrgentCategory;
import io.infodesk.review.RichText;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.time.TimeConfiguration;

/** The checks of an item form (S3.1-a, S3.1-c), before {@link InformationItems} writes anything. */
@Component
class ItemValidation {

	private final Organization organization;

	private final Solicitations solicitations;

	private final Clock clock;

	ItemValidation(Organization organization, Solicitations solicitations, Clock clock) {
		this.organization = organization;
		this.solicitations = solicitations;
		this.clock = clock;
	}

	/** An item form checked and resolved: what a save writes. */
	record Content(String title, String body, String text, ItemKind kind, Unit unit, Set<Angle> angles,
			Set<SourceTag> sources, List<ItemAuthor> authors, Long solicitationId, boolean urgent,
			UrgentCategory category, Instant eventAt) {

		void writeTo(InformationItem item, Instant now) {
			item.write(title, body, text, kind, unit.getId(), angles, sources, authors, solicitationId, now);
			item.urgency(urgent, category, eventAt);
		}

		boolean changes(InformationItem item) {
			return !(title.equals(item.getTitle()) && body.equals(item.getBody()) && kind == item.getKind()
					&& urgent == item.isUrgent() && category == item.getUrgentCategory()
					&& Objects.equals(eventAt, item.getEventAt())
					&& Objects.equals(solicitationId, item.getSolicitationId())
					&& unit.getId().equals(item.getUnitId()) && angles.equals(item.getAngles())
					&& sources.equals(item.getSources()) && sameAuthors(item.getAuthors()));
		}

		private boolean sameAuthors(List<ItemAuthor> others) {
			if (others.size() != authors.size()) {
				return false;
			}
			for (int i = 0; i < authors.size(); i++) {
				ItemAuthor a = authors.get(i);
				ItemAuthor b = others.get(i);
				if (!a.getPersonId().equals(b.getPersonId()) || !Objects.equals(a.getWeight(), b.getWeight())) {
					return false;
				}
			}
			return true;
		}

	}

	/**
	 * Checks a form before anything is written: the unit in the scope, a non-empty body within {@link
	 * InformationItems#InformationItems.MAX_TEXT}, the authors and their weights, the solicitation, the same-day fields. Refuses with
	 * a {@link ReportingException} naming the field.
	 */
	Content validate(ItemForm form, DataScope unitScope, DataScope scope, AuthenticatedUser actor,
			Long currentSolicitation) {
		Unit unit = organization.unit(form.unitId())
			.filter(Unit::isActive)
			.orElseThrow(() -> new ReportingException("unitId", "reporting.item.unit.unknown"));
		if (!unitScope.includes(unit.getId())) {
			throw new ReportingException("unitId", "reporting.item.unit.outOfScope", unit.getName());
		}
		String body = RichText.sanitize(form.body());
		String text = RichText.plainText(body);
		if (text.isBlank()) {
			throw new ReportingException("body", "reporting.item.body.required");
		}
		if (text.length() > InformationItems.MAX_TEXT) {
			throw new ReportingException("body", "reporting.item.body.size");
		}
		List<ItemForm.AuthorEntry> named = form.namedAuthors();
		if (named.isEmpty()) {
			throw new ReportingException("authors", "reporting.item.authors.required");
		}
		if (named.size() > ItemForm.MAX_AUTHORS) {
			throw new ReportingException("authors", "reporting.item.authors.tooMany", ItemForm.MAX_AUTHORS);
		}
		Set<Long> seen = new HashSet<>();
		List<ItemAuthor> authors = new ArrayList<>();
		for (ItemForm.AuthorEntry entry : named) {
			if (entry.personId() == null) {
				throw new ReportingException("authors", "reporting.item.authors.personMissing");
			}
			Person person = organization.person(entry.personId())
				.filter(Person::isActive)
				.orElseThrow(() -> new ReportingException("authors", "reporting.item.authors.unknown"));
			if (!seen.add(person.getId())) {
				throw new ReportingException("authors", "reporting.item.authors.duplicate", person.getName());
			}
			authors.add(new ItemAuthor(person.getId(), person.getName(), person.getUnitId(), entry.weight()));
		}
		long weighted = named.stream().filter(entry -> entry.weight() != null).count();
		if (weighted > 0 && weighted < named.size()) {
			throw new ReportingException("authors", "reporting.item.weights.mixed");
		}
		if (weighted > 0 && named.stream().mapToInt(ItemForm.AuthorEntry::weight).sum() != 100) {
			throw new ReportingException("authors", "reporting.item.weights.sum");
		}
		Long solicitationId = form.solicitationId();
		if (solicitationId != null && !solicitationId.equals(currentSolicitation)) {
			Solicitation solicitation = solicitations.get(solicitationId);
			if (!Solicitations.canSee(solicitation, actor, scope) || solicitation.getDeliveredAt() != null) {
				throw new ReportingException("solicitationId", "reporting.item.solicitation.unavailable");
			}
		}
		Instant eventAt = null;
		if (form.isUrgent()) {
			if (form.urgentCategory() == null) {
				throw new ReportingException("urgentCategory", "reporting.urgent.category.required");
			}
			if (form.eventAt() == null) {
				throw new ReportingException("eventAt", "reporting.urgent.eventAt.required");
			}
			eventAt = form.eventAt().atZone(TimeConfiguration.ZONE).toInstant();
			if (eventAt.isAfter(Instant.now(clock))) {
				throw new ReportingException("eventAt", "reporting.urgent.eventAt.future");
			}
		}
		return new Content(form.title().strip(), body, text, form.kind(), unit,
				new LinkedHashSet<>(form.angles()), new LinkedHashSet<>(form.sources()), authors, solicitationId,
				form.isUrgent(), form.isUrgent() ? form.urgentCategory() : null, eventAt);
	}

}
