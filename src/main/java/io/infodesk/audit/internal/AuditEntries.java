package io.infodesk.audit.internal;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit trail for the audit page and its export, newest first. Entries are never changed here. */
@Service
@Transactional(readOnly = true)
public class AuditEntries {

	/** The most entries one export may hold; a larger result asks for a narrower search. */
	public static final int EXPORT_LIMIT = 50_000;

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "seq");

	private final AuditEntryRepository entries;

	AuditEntries(AuditEntryRepository entries) {
		this.entries = entries;
	}

	/** One page of the search, newest first (the page's own sort is replaced). */
	public Page<AuditEntry> search(AuditQuery query, Pageable page) {
		return entries.findAll(query.toSpecification(),
				PageRequest.of(page.getPageNumber(), page.getPageSize(), NEWEST_FIRST));
	}

	public long count(AuditQuery query) {
		return entries.count(query.toSpecification());
	}

	public List<AuditEntry> searchAll(AuditQuery query) {
		return entries.findAll(query.toSpecification(), PageRequest.of(0, EXPORT_LIMIT, NEWEST_FIRST)).getContent();
	}

	/** The actions that occur in the trail, for the filter's choice list. */
	public List<String> actions() {
		return entries.findDistinctActions();
	}

}
