package io.infodesk.shared.files;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Removes stored files no record refers to any more (issue 17, finding 9: a discarded draft kept its uploads for
 * ever). The store is shared by every module (an equal upload is kept once), so a file is deleted only when no column
 * of the database whose name ends in {@code sha256} (attachments, evidence, papers, bulletins, circulars — whatever a
 * module adds under that naming) still holds its address. Run after the commit of the transaction that removed the
 * records, so that a rolled-back removal never loses a file.
 */
@Component
public class FileCleanup {

	private static final Logger log = LoggerFactory.getLogger(FileCleanup.class);

	private final FileStore store;

	private final JdbcTemplate jdbc;

	public FileCleanup(FileStore store, JdbcTemplate jdbc) {
		this.store = store;
		this.jdbc = jdbc;
	}

	/** Deletes the files of these addresses that nothing refers to, after the current transaction commits. */
	public void deleteUnreferencedLater(Collection<String> addresses) {
		Set<String> candidates = new TreeSet<>(addresses);
		if (candidates.isEmpty()) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					deleteUnreferenced(candidates);
				}

			});
		}
		else {
			deleteUnreferenced(candidates);
		}
	}

	/** Deletes those of the files that nothing refers to; returns how many were deleted. */
	public int deleteUnreferenced(Collection<String> addresses) {
		List<String[]> columns = jdbc.query("select table_name, column_name from information_schema.columns where "
				+ "lower(column_name) like '%sha256' and lower(table_schema) = lower(current_schema())",
				(rs, n) -> new String[] { rs.getString(1), rs.getString(2) });
		int deleted = 0;
		for (String address : addresses) {
			if (!store.contains(address)) {
				continue;
			}
			boolean referenced = false;
			for (String[] column : columns) {
				Integer count = jdbc.queryForObject("select count(*) from " + column[0] + " where " + column[1] + " = ?",
						Integer.class, address);
				if (count != null && count > 0) {
					referenced = true;
					break;
				}
			}
			if (!referenced) {
				try {
					java.nio.file.Files.deleteIfExists(store.path(address));
					deleted++;
				}
				catch (IOException ex) {
					log.warn("An unreferenced stored file could not be deleted: {}", address, ex);
				}
			}
		}
		return deleted;
	}

}
