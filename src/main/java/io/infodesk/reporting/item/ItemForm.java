package io.infodesk.reporting.item;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.infodesk.reporting.urgent.UrgentCategory;

/**
 * What a drafter or reviewer enters for an item. {@code baseRevision} is the revision the editor started
 * from: a save over a newer revision is refused as a conflict, never silently overwriting (S3.1-b).
 */
public record ItemForm(
		@NotBlank(message = "{reporting.item.title.required}") @Size(max = 200, message = "{reporting.item.title.size}") String title,
		@NotNull(message = "{reporting.item.kind.required}") ItemKind kind,
		@NotNull(message = "{reporting.item.unit.required}") Long unitId,
		@NotBlank(message = "{reporting.item.body.required}") @Size(max = 150000, message = "{reporting.item.body.size}") String body,
		Set<Angle> angles, Set<SourceTag> sources, @Valid List<AuthorEntry> authors, Integer baseRevision,
		Long solicitationId, Boolean urgent, UrgentCategory urgentCategory,
		@org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE_TIME) java.time.LocalDateTime eventAt) {

	/** How many author rows the form shows (more can be added in the page). */
	public static final int AUTHOR_ROWS = 3;

	/** Most authors an item may name. */
	public static final int MAX_AUTHORS = 10;

	public ItemForm {
		angles = angles == null ? new LinkedHashSet<>() : angles;
		sources = sources == null ? new LinkedHashSet<>() : sources;
		authors = authors == null ? new ArrayList<>() : new ArrayList<>(authors);
		baseRevision = baseRevision == null ? 0 : baseRevision;
		urgent = Boolean.TRUE.equals(urgent);
	}

	/** An item answering a solicitation (or none), not time-critical. */
	public ItemForm(String title, ItemKind kind, Long unitId, String body, Set<Angle> angles, Set<SourceTag> sources,
			List<AuthorEntry> authors, Integer baseRevision, Long solicitationId) {
		this(title, kind, unitId, body, angles, sources, authors, baseRevision, solicitationId, false, null, null);
	}

	/** An ordinary item answering no solicitation. */
	public ItemForm(String title, ItemKind kind, Long unitId, String body, Set<Angle> angles, Set<SourceTag> sources,
			List<AuthorEntry> authors, int baseRevision) {
		this(title, kind, unitId, body, angles, sources, authors, baseRevision, null, false, null, null);
	}

	/** One author row: a person of the organisation and, for a joint item, the share in percent. */
	public record AuthorEntry(Long personId,
			@Min(value = 1, message = "{reporting.item.weight.range}") @Max(value = 100, message = "{reporting.item.weight.range}") Integer weight) {

		public boolean isBlank() {
			return personId == null && weight == null;
		}

	}

	/** An empty form for the drafter: their unit, themselves as first author. */
	public static ItemForm blank(Long unitId, Long personId, Long solicitationId) {
		List<AuthorEntry> authors = new ArrayList<>();
		authors.add(new AuthorEntry(personId, null));
		return new ItemForm("", ItemKind.GOVERNMENT, unitId, "", Set.of(), Set.of(), padded(authors), 0,
				solicitationId, false, null, null);
	}

	public static ItemForm of(InformationItem item) {
		List<AuthorEntry> authors = new ArrayList<>(item.getAuthors()
			.stream()
			.map(author -> new AuthorEntry(author.getPersonId(), author.getWeight()))
			.toList());
		return new ItemForm(item.getTitle(), item.getKind(), item.getUnitId(), item.getBody(), item.getAngles(),
				item.getSources(), padded(authors), item.getRevision(), item.getSolicitationId(), item.isUrgent(),
				item.getUrgentCategory(), item.getEventAt() == null ? null
						: java.time.LocalDateTime.ofInstant(item.getEventAt(), io.infodesk.shared.time.TimeConfiguration.ZONE));
	}

	/** The same input, to be shown again from another base revision (after a conflict). */
	public ItemForm rebasedOn(int revision) {
		return new ItemForm(title, kind, unitId, body, angles, sources, padded(authors), revision, solicitationId, urgent,
				urgentCategory, eventAt);
	}

	public boolean isUrgent() {
		return Boolean.TRUE.equals(urgent);
	}

	/** The author rows that name someone, in order. */
	public List<AuthorEntry> namedAuthors() {
		return authors.stream().filter(author -> !author.isBlank()).toList();
	}

	static List<AuthorEntry> padded(List<AuthorEntry> authors) {
		List<AuthorEntry> rows = new ArrayList<>(authors);
		while (rows.size() < AUTHOR_ROWS) {
			rows.add(new AuthorEntry(null, null));
		}
		return rows;
	}

}
