package io.infodesk.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.audit.AuditTrail;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.JdbcTime;

/**
 * Annual targets per unit (目标分, editable per year; units without one have the default) and the grade thresholds
 * in percent of the target (优 / 良 / 一般; below is 差). Defaults: target 48 points a year (the quota of 24 items ×
 * a district adoption's 2 points), thresholds 100 / 80 / 60 % (docs/assessment.md).
 */
@Service
@Transactional
public class AssessmentSettings {

	public static final BigDecimal DEFAULT_TARGET = BigDecimal.valueOf(48);

	/** Grade thresholds in percent of the target. */
	public record Thresholds(int excellent, int good, int fair) {

		public Grade grade(BigDecimal completionPercent) {
			if (completionPercent == null) {
				return null;
			}
			if (completionPercent.compareTo(BigDecimal.valueOf(excellent)) >= 0) {
				return Grade.EXCELLENT;
			}
			if (completionPercent.compareTo(BigDecimal.valueOf(good)) >= 0) {
				return Grade.GOOD;
			}
			if (completionPercent.compareTo(BigDecimal.valueOf(fair)) >= 0) {
				return Grade.FAIR;
			}
			return Grade.POOR;
		}

	}

	public static final Thresholds DEFAULT_THRESHOLDS = new Thresholds(100, 80, 60);

	private final JdbcTemplate jdbc;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	AssessmentSettings(JdbcTemplate jdbc, AuditTrail audit, Texts texts, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Map<Long, BigDecimal> targets(int year) {
		Map<Long, BigDecimal> targets = new HashMap<>();
		jdbc.query("select unit_id, points from asm_target where target_year = ?",
				rs -> {
					targets.put(rs.getLong("unit_id"), rs.getBigDecimal("points"));
				}, year);
		return targets;
	}

	@Transactional(readOnly = true)
	public BigDecimal target(long unitId, int year) {
		return targets(year).getOrDefault(unitId, DEFAULT_TARGET);
	}

	public void setTarget(long unitId, String unitName, int year, BigDecimal points) {
		if (points == null || points.signum() <= 0 || points.compareTo(BigDecimal.valueOf(10_000)) > 0) {
			throw new AssessmentException("points", "assessment.target.range");
		}
		BigDecimal value = points.setScale(2, RoundingMode.HALF_UP);
		int updated = jdbc.update("update asm_target set points = ?, updated_by = ?, updated_at = ? where unit_id = ? "
				+ "and target_year = ?", value, CurrentUser.actorName(), JdbcTime.utc(Instant.now(clock)), unitId, year);
		if (updated == 0) {
			jdbc.update("insert into asm_target (unit_id, target_year, points, updated_by, updated_at) values (?, ?, ?, ?, ?)",
					unitId, year, value, CurrentUser.actorName(), JdbcTime.utc(Instant.now(clock)));
		}
		audit.record("ASSESSMENT_TARGET_SET", "ASSESSMENT_TARGET", unitId + ":" + year,
				texts.get("assessment.audit.targetSet", unitName, year, value));
	}

	@Transactional(readOnly = true)
	public Thresholds thresholds() {
		Map<String, String> values = new HashMap<>();
		jdbc.query("select setting_key, setting_value from asm_setting where setting_key like 'grade.%'", rs -> {
			values.put(rs.getString(1), rs.getString(2));
		});
		if (values.size() < 3) {
			return DEFAULT_THRESHOLDS;
		}
		return new Thresholds(Integer.parseInt(values.get("grade.excellent")), Integer.parseInt(values.get("grade.good")),
				Integer.parseInt(values.get("grade.fair")));
	}

	public void setThresholds(Thresholds thresholds) {
		if (thresholds.fair() < 0 || thresholds.fair() >= thresholds.good() || thresholds.good() >= thresholds.excellent()
				|| thresholds.excellent() > 1000) {
			throw new AssessmentException("excellent", "assessment.grades.order");
		}
		put("grade.excellent", thresholds.excellent());
		put("grade.good", thresholds.good());
		put("grade.fair", thresholds.fair());
		audit.record("ASSESSMENT_GRADES_SET", "ASSESSMENT_SETTING", "grades", texts.get("assessment.audit.gradesSet",
				thresholds.excellent(), thresholds.good(), thresholds.fair()));
	}

	private void put(String key, int value) {
		Instant now = Instant.now(clock);
		int updated = jdbc.update("update asm_setting set setting_value = ?, updated_by = ?, updated_at = ? "
				+ "where setting_key = ?", Integer.toString(value), CurrentUser.actorName(), JdbcTime.utc(now), key);
		if (updated == 0) {
			jdbc.update("insert into asm_setting (setting_key, setting_value, updated_by, updated_at) values (?, ?, ?, ?)",
					key, Integer.toString(value), CurrentUser.actorName(), JdbcTime.utc(now));
		}
	}

}
