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
 * ({@code infodesk.files.daily-quota-per-user}); the background jobs ("system") are not counted. Kept per instance in
 * memory: it stops one account from filling the disk, it is no accounting.
 */
@Component
public class UploadQuota {

	private final long limit;

	private final Clock clock;

	private final Map<String, Long> used = new ConcurrentHashMap<>();

	private volatile LocalDate day;

	public UploadQuota(@Value("${infodesk.files.daily-quota-per-user:500MB}") DataSize limit, Clock clock) {
		this.limit = limit.toBytes();
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
			day = today;
		}
		long total = used.merge(user, bytes, Long::sum);
		if (total > limit) {
			used.merge(user, -bytes, Long::sum);
			throw new FileRefused("files.refused.quota", DataSize.ofBytes(limit).toMegabytes());
		}
	}

}
