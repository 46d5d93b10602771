package io.infodesk.audit.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Runs the retention purge daily ({@code infodesk.audit.purge-cron}, 03:30 Asia/Shanghai by
 * default), through the transactional {@link AuditRetention} bean, under a ShedLock lock so that with
 * several instances only one purges (the purge is also safe to repeat: it moves the anchor only past entries it
 * removed).
 */
@Component
class AuditRetentionSchedule {

	private final AuditRetention retention;

	AuditRetentionSchedule(AuditRetention retention) {
		this.retention = retention;
	}

	@Scheduled(cron = "${infodesk.audit.purge-cron:0 30 3 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "audit-retention-purge", lockAtMostFor = "PT30M", lockAtLeastFor = "PT30S")
	void purgeDaily() {
		AuditRetention.PurgeResult result = retention.purge();
		AuditRetention.log.info("Audit retention purge: {} entries removed, chain anchored at seq {}{}",
				result.purged(), result.anchorSeq(), result.refused() ? " (refused: the chain is broken)" : "");
	}

}
