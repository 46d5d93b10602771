package io.infodesk.publicity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.publicity.internal.CoverageRepository;

/**
 * Read-only access to the coverage records assessment scores, as {@link CoveragePublished} carries them, for the
 * recomputation from the source records; no data scope — the caller is the assessment module itself.
 */
@Service
@Transactional(readOnly = true)
public class CoverageRecords {

	private final CoverageRepository coverages;

	private final Outlets outlets;

	CoverageRecords(CoverageRepository coverages, Outlets outlets) {
		this.coverages = coverages;
		this.outlets = outlets;
	}

	/** The records published in [from, to], as their events were. */
	public List<CoveragePublished> published(LocalDate from, LocalDate to) {
		Map<Long, Outlet> byId = outlets.byId();
		return coverages
			.findAll((root, query, cb) -> cb.between(root.get("publishedOn"), from, to), Coverages.ORDER)
			.stream()
			.map(c -> new CoveragePublished(c.getId(), byId.get(c.getOutletId()).getTier(), c.isFrontPageLead(),
					c.getPublishedOn(), c.unitIds(), c.shares(), c.getTitle()))
			.toList();
	}

}
