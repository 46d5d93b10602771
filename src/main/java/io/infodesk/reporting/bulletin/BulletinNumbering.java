package io.infodesk.reporting.bulletin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.infodesk.audit.AuditTrail;
import io.infodesk.reporting.ReportingException;
import io.infodesk.reporting.bulletin.internal.BulletinFileRepository;
import io.infodesk.reporting.bulletin.internal.BulletinRepository;
import io.infodesk.reporting.bulletin.internal.PeriodicalRepository;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.PermissionChecks;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Texts;

/**
 * The numbering of bulletins at issue (S3.1-d, out of {@link Bulletins} by issue 10 point 3): 第N期 per periodical
 * and year, 增刊 in a sequence of their own, 总第M期 for periodicals that count them. Numbers are given only at issue,
 * under a lock of the periodical's row and a unique index, so they have no gaps and no duplicates; the issue's DOCX
 * and its archive with the SHA-256 are written in the same transaction. Called through {@link Bulletins#issue}.
 */
@Service
class BulletinNumbering {

	/** How many times an issue is tried when another issue of the same periodical held its number a moment. */
	static final int ISSUE_ATTEMPTS = 5;

	private final BulletinRepository bulletins;

	private final BulletinFileRepository files;

	private final PeriodicalRepository periodicals;

	private final BulletinDocuments documents;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	private final TransactionTemplate transactions;

	BulletinNumbering(BulletinRepository bulletins, BulletinFileRepository files, PeriodicalRepository periodicals,
			BulletinDocuments documents, AuditTrail audit, Texts texts, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.bulletins = bulletins;
		this.files = files;
		this.periodicals = periodicals;
		this.documents = documents;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Issues a signed-off bulletin: gives it the next number of its periodical's sequence for the year (regular and
	 * supplement separately) and, for a regular issue of a periodical that counts them, the next running number;
	 * dates it today; writes its DOCX (GB/T 9704) and archives it with its SHA-256 — all in one transaction. Issues
	 * of the same periodical are numbered one at a time (the periodical's row is locked); the unique index refuses a
	 * number twice in any case, and the issue is then tried again with the next number.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Bulletin issue(long id, AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.REPORTING_BULLETIN);
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return issueNow(id, actor);
		}
		RuntimeException last = null;
		for (int attempt = 0; attempt < ISSUE_ATTEMPTS; attempt++) {
			try {
				return transactions.execute(status -> issueNow(id, actor));
			}
			catch (PessimisticLockingFailureException | DataIntegrityViolationException
					| ObjectOptimisticLockingFailureException busy) {
				last = busy;
			}
		}
		throw ReportingException.of("reporting.bulletin.issue.busy", last == null ? "" : last.getClass().getSimpleName());
	}

	private Bulletin issueNow(long id, AuthenticatedUser actor) {
		// the periodical's id without loading the bulletin: it is read only once the lock is held
		Long periodicalId = bulletins.periodicalIdOf(id)
			.orElseThrow(() -> ReportingException.of("reporting.bulletin.notFound", id));
		// one issue of a periodical at a time: the row stays locked until this transaction ends
		Periodical periodical = periodicals.lockById(periodicalId)
			.orElseThrow(() -> ReportingException.of("reporting.periodical.notFound", periodicalId));
		Bulletin bulletin = bulletins.findById(id)
			.orElseThrow(() -> ReportingException.of("reporting.bulletin.notFound", id));
		if (bulletin.getStatus() == BulletinStatus.ISSUED) {
			throw ReportingException.of("reporting.bulletin.alreadyIssued", documents.label(bulletin, periodical));
		}
		if (bulletin.getStatus() != BulletinStatus.SIGNED_OFF) {
			throw ReportingException.of("reporting.bulletin.issue.notSignedOff",
					texts.label("reporting.bulletin.status.", bulletin.getStatus()));
		}
		LocalDate today = LocalDate.now(clock);
		int year = today.getYear();
		int number = bulletins.lastNumber(periodical.getId(), bulletin.isSupplement(), year) + 1;
		Integer total = null;
		if (!bulletin.isSupplement() && periodical.countsTotal()) {
			Integer last = bulletins.lastTotal(periodical.getId());
			total = Math.max(last == null ? 0 : last, periodical.getTotalOffset()) + 1;
		}
		Instant now = Instant.now(clock);
		bulletin.issue(year, number, total, today, actor.displayName(), now);
		bulletins.saveAndFlush(bulletin);
		byte[] docx = documents.document(bulletin, periodical).toBytes();
		String sha256 = Bulletins.sha256(docx);
		files.saveAndFlush(new BulletinFile(bulletin.getId(), documents.fileName(bulletin, periodical), docx, sha256, now));
		audit.record("BULLETIN_ISSUED", Bulletins.ENTITY, bulletin.getId(), texts.get("reporting.audit.bulletinIssued",
				documents.label(bulletin, periodical), Bulletins.titles(bulletin), bulletin.getCopies(), sha256));
		return bulletin;
	}

}
