package io.infodesk.assessment.web;

import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

import io.infodesk.assessment.Grade;
import io.infodesk.assessment.LedgerEntry;
import io.infodesk.assessment.ScoreKind;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.DateFormats;

/** Labels and badges of the assessment pages: {@code ${@assessmentViews.ruleLabel(entry)}}. */
@Component("assessmentViews")
public class AssessmentViews {

	private static final DateTimeFormatter TIME = DateFormats.MINUTES;

	private final Texts texts;

	AssessmentViews(Texts texts) {
		this.texts = texts;
	}

	/** The rule that scored an entry: "市级采用（第2版）". */
	public String ruleLabel(LedgerEntry entry) {
		if (entry.category() == ScoreKind.ADJUSTMENT) {
			return texts.get("assessment.kind.ADJUSTMENT");
		}
		String qualifier = entry.ruleKey().substring(entry.ruleKey().indexOf(':') + 1);
		String text = texts.get("assessment.qualifier." + entry.category().name() + "." + qualifier);
		return entry.ruleVersion() == null ? text : texts.get("assessment.entry.ruleVersion", text, entry.ruleVersion());
	}

	/** An instant as tables show it: 2026-11-27 09:00 (Asia/Shanghai). */
	public String dateTime(java.time.Instant instant) {
		return instant == null ? "" : TIME.format(instant.atZone(io.infodesk.shared.time.TimeConfiguration.ZONE));
	}

	/** Points without trailing zeros: 7, 2.5, -4. */
	public String points(java.math.BigDecimal value) {
		if (value == null) {
			return "";
		}
		java.math.BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
	}

	public String gradeBadge(Grade grade) {
		if (grade == null) {
			return "text-bg-light";
		}
		return switch (grade) {
			case EXCELLENT -> "text-bg-success";
			case GOOD -> "text-bg-primary";
			case FAIR -> "text-bg-warning";
			case POOR -> "text-bg-danger";
		};
	}

}
