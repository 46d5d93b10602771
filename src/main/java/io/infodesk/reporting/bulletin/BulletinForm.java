package io.infodesk.reporting.bulletin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What the office enters for a bulletin: the periodical, regular issue or supplement (增刊), an optional title and
 * editor's note (编者按), the 报送 / 抄送 lines and print count, and the items chosen with their order
 * ({@code positions}: item id → 序号; items without a number follow in the order of the list).
 * {@code baseRevision} is the revision the form started from: a save over a newer one is refused.
 */
public record BulletinForm(
		@NotNull(message = "{reporting.bulletin.periodical.required}") Long periodicalId,
		Boolean supplement,
		@Size(max = 200, message = "{reporting.bulletin.title.size}") String title,
		@Size(max = 2000, message = "{reporting.bulletin.editorNote.size}") String editorNote,
		@Size(max = 500, message = "{reporting.bulletin.line.size}") String reportTo,
		@Size(max = 500, message = "{reporting.bulletin.line.size}") String copyTo,
		@NotNull(message = "{reporting.bulletin.copies.required}") @Min(value = 1, message = "{reporting.bulletin.copies.range}") @Max(value = 9999, message = "{reporting.bulletin.copies.range}") Integer copies,
		List<Long> itemIds, Map<Long, Integer> positions, Integer baseRevision) {

	/** Most items one issue may hold. */
	public static final int MAX_ITEMS = 20;

	public BulletinForm {
		supplement = Boolean.TRUE.equals(supplement);
		itemIds = itemIds == null ? new ArrayList<>() : new ArrayList<>(itemIds);
		positions = positions == null ? new LinkedHashMap<>() : new LinkedHashMap<>(positions);
		baseRevision = baseRevision == null ? 0 : baseRevision;
	}

	/** A new issue of a periodical with its default 版记. */
	public static BulletinForm blank(Periodical periodical) {
		return periodical == null ? new BulletinForm(null, false, null, null, null, null, 30, null, null, 0)
				: new BulletinForm(periodical.getId(), false, null, null, periodical.getReportTo(),
						periodical.getCopyTo(), periodical.getCopies(), null, null, 0);
	}

	public static BulletinForm of(Bulletin bulletin) {
		List<Long> ids = bulletin.getEntries().stream().map(BulletinEntry::getItemId).toList();
		Map<Long, Integer> positions = new LinkedHashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			positions.put(ids.get(i), i + 1);
		}
		return new BulletinForm(bulletin.getPeriodicalId(), bulletin.isSupplement(), bulletin.getTitle(),
				bulletin.getEditorNote(), bulletin.getReportTo(), bulletin.getCopyTo(), bulletin.getCopies(), ids,
				positions, bulletin.getRevision());
	}

	/** The chosen items in their order: by 序号, then as listed; each once. */
	public List<Long> orderedItemIds() {
		List<Long> distinct = itemIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
		List<Long> ordered = new ArrayList<>(distinct);
		ordered.sort(Comparator.comparing((Long id) -> positions.get(id) == null ? Integer.MAX_VALUE : positions.get(id))
			.thenComparing(distinct::indexOf));
		return ordered;
	}

	/** Whether the item is chosen (for the form's check boxes). */
	public boolean chosen(Long itemId) {
		return itemIds.contains(itemId);
	}

}
