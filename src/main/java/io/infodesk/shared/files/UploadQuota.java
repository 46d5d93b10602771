package io.infodesk.shared.files;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import io.infodesk.shared.security.CurrentUser;

/**
 * How much one account may upload a day (issue 17, finding 9: uploads had no quota), by default 500 MB
 * ({@code infodesk.files.daily-quota-per-user}), and all accounts of one unit together, by default 2,000 MB
 * ({@code infodesk.files.daily-quota-per-unit}); the background jobs ("system") are not counted. Kept per instance in
 * memory (several instances: each counts its own uploads): it stops one account or unit from filling the disk, it is
 * no accounting.
 */
@Component
public class UploadQuota {

	private final long limit;

	private final Clock clock;

	private final long unitLimit;

	private final Map<String, Long> used = new ConcurrentHashMap<>();

	private final Map<Long, Long> usedByUnit = new ConcurrentHashMap<>();

	private volatile LocalDate day;

	/** A quota per account only (tests). */
	public UploadQuota(DataSize limit, Clock clock) {
		this(limit, DataSize.ofBytes(Long.MAX_VALUE), clock);
	}

	@org.springframework.beans.factory.annotation.Autowired
	public UploadQuota(@Value("${infodesk.files.daily-quota-per-user:500MB}") DataSize limit,
			@Value("${infodesk.files.daily-quota-per-unit:2000MB}") DataSize unitLimit, Clock clock) {
		this.limit = limit.toBytes();
		this.unitLimit = unitLimit.toBytes();
		this.clock = clock;
	}

	/** Counts an upload of the current user; refuses it when the day's quota would be exceeded. */
	void charge(long bytes) {
		String user = CurrentUser.actorName();
		if ("system".equals(user)) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		if (!today.equals(day)) {
			used.clear();
			usedByUnit.clear();
			day = today;
		}
		long total = used.merge(user, bytes, Long::sum);
		if (total > limit) {
			used.merge(user, -bytes, Long::sum);
			throw new FileRefused("files.refused.quota", DataSize.ofBytes(limit).toMegabytes());
		}
		Long unit = CurrentUser.get().map(io.infodesk.shared.security.AuthenticatedUser::unitId).orElse(null);
		if (unit != null && usedByUnit.merge(unit, bytes, Long::sum) > unitLimit) {
			usedByUnit.merge(unit, -bytes, Long::sum);
			used.merge(user, -bytes, Long::sum);
			throw new FileRefused("files.refused.unitQuota", DataSize.ofBytes(unitLimit).toMegabytes());
		}
	}

}
