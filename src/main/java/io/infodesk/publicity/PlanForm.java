package io.infodesk.publicity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/** The points of a plan as the unit enters them; rows without a work are left out. */
public record PlanForm(List<PointEntry> points) {

	/** One row: the work publicised, form, target tier, the month of the node or its day. */
	public record PointEntry(String work, Coverage.Form form, MediaTier targetTier, Integer month,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {

	}

	public PlanForm {
		points = points == null ? new ArrayList<>() : new ArrayList<>(points);
	}

	/** The form of a plan's points plus blank rows to add more. */
	public static PlanForm of(AnnualPlan plan, int blankRows) {
		List<PointEntry> rows = new ArrayList<>();
		if (plan != null) {
			plan.getPoints()
				.forEach(p -> rows.add(new PointEntry(p.getWork(), p.getForm(), p.getTargetTier(), p.getNodeMonth(),
						p.getNodeDate())));
		}
		for (int i = 0; i < blankRows; i++) {
			rows.add(new PointEntry("", Coverage.Form.NEWS, MediaTier.DISTRICT, null, null));
		}
		return new PlanForm(rows);
	}

	public List<PointEntry> named() {
		return points.stream().filter(p -> p != null && p.work() != null && !p.work().isBlank()).toList();
	}

}
