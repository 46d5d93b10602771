package io.infodesk.audit.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the retention purge daily ({@code infodesk.audit.purge-cron}, 03:30 Asia/Shanghai by
 * default), through the transactional {@link AuditRetention} bean. A single instance for now; with
 * several instances ShedLock will guard this job (see ARCHITECTURE.md).
 */
@Component
class AuditRetentionSchedule {

	private final AuditRetention retention;

	AuditRetentionSchedule(AuditRetention retention) {
		this.retention = retention;
	}

	@Scheduled(cron = "${infodesk.audit.purge-cron:0 30 3 * * *}", zone = "Asia/Shanghai")
	void purgeDaily() {
		AuditRetention.PurgeResult result = retention.purge();
		AuditRetention.log.info("Audit retention purge: {} entries removed, chain anchored at seq {}{}",
				result.purged(), result.anchorSeq(), result.refused() ? " (refused: the chain is broken)" : "");
	}

}
