package io.infodesk.assessment.web;

import org.springframework.stereotype.Component;

import io.infodesk.assessment.Grade;
import io.infodesk.assessment.LedgerEntry;
import io.infodesk.assessment.ScoreKind;
import io.infodesk.shared.text.Texts;

/** Labels and badges of the assessment pages: {@code ${@assessmentViews.ruleLabel(entry)}}. */
@Component("assessmentViews")
public class AssessmentViews {

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
