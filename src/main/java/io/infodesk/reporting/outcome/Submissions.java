package io.infodesk.reporting.outcome;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.infodesk.audit.AuditTrail;
import io.infodesk.reporting.InformationSubmitted;
import io.infodesk.reporting.ReportingException;
import io.infodesk.reporting.SolicitationDelivered;
import io.infodesk.reporting.UrgentReportLate;
import io.infodesk.reporting.internal.ReportingReminders;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.InformationItems;
import io.infodesk.reporting.item.ItemStatus;
import io.infodesk.reporting.outcome.internal.SubmissionRepository;
import io.infodesk.reporting.solicitation.Solicitation;
import io.infodesk.reporting.solicitation.Solicitations;
import io.infodesk.review.DocumentRef;
import io.infodesk.review.ReviewChains;
import io.infodesk.review.ReviewProcess;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.PermissionChecks;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.DateFormats;
import io.infodesk.shared.time.TimeConfiguration;

/**
 * Submission records (报送, S3.1-c): the office records that a signed-off item went to a body, by which channel
 * and when; one item may go to several bodies, each once. The first submission moves the item to SUBMITTED,
 * stops the same-day clock of a time-critical item (recording its delay and publishing
 * {@link UrgentReportLate} when late), and — sent to the body that asked — delivers the solicitation it
 * answers ({@link SolicitationDelivered}). Every submission publishes {@link InformationSubmitted} in the same
 * transaction and is audited.
 */
@Service
@Validated
@Transactional
public class Submissions {

	private final SubmissionRepository submissions;

	private final InformationItems items;

	private final Solicitations solicitations;

	private final ReviewChains reviewChains;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	private final ReportingReminders reminders;

	Submissions(SubmissionRepository submissions, InformationItems items, Solicitations solicitations,
			ReviewChains reviewChains, ApplicationEventPublisher events, AuditTrail audit, Texts texts, Clock clock,
			ReportingReminders reminders) {
		this.reminders = reminders;
		this.submissions = submissions;
		this.items = items;
		this.solicitations = solicitations;
		this.reviewChains = reviewChains;
		this.events = events;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Submission> of(long itemId) {
		return submissions.findByItemIdOrderBySubmittedAtAscIdAsc(itemId);
	}

	/** The submissions of several items (for the register). */
	@Transactional(readOnly = true)
	public List<Submission> ofItems(java.util.Collection<Long> itemIds) {
		return itemIds.isEmpty() ? List.of() : submissions.findByItemIdIn(itemIds);
	}

	public Submission record(long itemId, @Valid SubmissionForm form, AuthenticatedUser actor, DataScope scope) {
		PermissionChecks.require(actor, Permissions.REPORTING_SUBMIT);
		InformationItem item = items.visible(itemId, actor, scope);
		if (!item.getStatus().signedOff()) {
			throw ReportingException.of("reporting.submission.notSignedOff",
					texts.label("reporting.status.", item.getStatus()));
		}
		ReportingBody body = solicitations.body(form.bodyId());
		if (!body.isActive()) {
			throw new ReportingException("bodyId", "reporting.solicitation.body.unknown");
		}
		if (submissions.existsByItemIdAndBodyId(itemId, body.getId())) {
			throw new ReportingException("bodyId", "reporting.submission.duplicate", body.getShortName());
		}
		Instant now = Instant.now(clock);
		Instant at = form.submittedAt().atZone(TimeConfiguration.ZONE).toInstant();
		if (at.isAfter(now)) {
			throw new ReportingException("submittedAt", "reporting.submission.at.future");
		}
		Instant signedOffAt = reviewChains.process(InformationItem.ref(itemId))
			.map(ReviewProcess::getFinishedAt)
			.orElse(null);
		if (signedOffAt != null && at.isBefore(signedOffAt.truncatedTo(java.time.temporal.ChronoUnit.MINUTES))) {
			throw new ReportingException("submittedAt", "reporting.submission.at.beforeSignOff");
		}
		Submission submission = submissions.saveAndFlush(new Submission(itemId, body.getId(), form.channel(), at,
				form.note() == null || form.note().isBlank() ? null : form.note().strip(), actor.userId(),
				actor.displayName(), now));
		boolean first = item.firstSubmitted(at);
		if (item.getStatus() == ItemStatus.SIGNED_OFF) {
			item.changeStatus(ItemStatus.SUBMITTED, null, now);
		}
		audit.record("ITEM_SUBMITTED", InformationItems.ENTITY, itemId, texts.get("reporting.audit.submitted",
				item.getTitle(), body.getShortName(), texts.label("reporting.channel.", form.channel()),
				format(at)));
		events.publishEvent(new InformationSubmitted(item.itemId(), item.getUnitId(), submission.getId(), body.getId(),
				form.channel(), at, first, item.isUrgent(), item.shares()));
		if (first) {
			reminders.itemChanged(item); // the same-day clock stops: no more reminders
		}
		if (first && item.isLate()) {
			Duration delay = Duration.ofSeconds(item.getLateSeconds());
			audit.record("URGENT_REPORT_LATE", InformationItems.ENTITY, itemId,
					texts.get("reporting.audit.urgentLate", item.getTitle(), format(item.getDueAt()), format(at)));
			events.publishEvent(new UrgentReportLate(item.itemId(), item.getUnitId(), item.getUrgentCategory(),
					item.getEventAt(), item.getDueAt(), at, delay));
		}
		if (item.getSolicitationId() != null
				&& solicitations.deliver(item.getSolicitationId(), itemId, body.getId(), at)) {
			Solicitation solicitation = solicitations.get(item.getSolicitationId());
			boolean onTime = !at.isAfter(solicitation.getDeadline());
			events.publishEvent(new SolicitationDelivered(solicitation.getId(), item.itemId(), body.getId(),
					solicitation.getUnitIds(), solicitation.getDeadline(), at, onTime,
					onTime ? Duration.ZERO : Duration.between(solicitation.getDeadline(), at)));
		}
		return submission;
	}

	private static String format(Instant instant) {
		return DateFormats.SECONDS
			.format(instant.atZone(TimeConfiguration.ZONE));
	}

}
