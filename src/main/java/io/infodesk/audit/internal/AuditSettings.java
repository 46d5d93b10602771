package io.infodesk.audit.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audit trail ({@code infodesk.audit.*}).
 *
 * @param retentionMonths how long entries are kept before the daily purge removes them: at least
 * {@value #MINIMUM_RETENTION_MONTHS} months, the minimum of the Cybersecurity Law of the PRC, art. 21
 * ("network logs kept for no less than six months"; see PRACTICE.md, "Compliance"), which is also the
 * default. A shorter period is refused at start-up.
 * @param purgeCron when the purge runs (Spring cron, Asia/Shanghai), by default daily at 03:30
 */
@ConfigurationProperties("infodesk.audit")
public record AuditSettings(@DefaultValue("6") int retentionMonths, @DefaultValue("0 30 3 * * *") String purgeCron) {

	public static final int MINIMUM_RETENTION_MONTHS = 6;

	public AuditSettings {
		if (retentionMonths < MINIMUM_RETENTION_MONTHS) {
			throw new IllegalArgumentException("infodesk.audit.retention-months=" + retentionMonths
					+ " is below the legal minimum of " + MINIMUM_RETENTION_MONTHS
					+ " months (Cybersecurity Law of the PRC, art. 21) / 审计日志保存期限不得少于 "
					+ MINIMUM_RETENTION_MONTHS + " 个月（《网络安全法》第二十一条），当前配置为 " + retentionMonths + " 个月");
		}
	}

}
