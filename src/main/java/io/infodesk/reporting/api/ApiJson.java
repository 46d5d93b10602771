package io.infodesk.reporting.api;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

import io.infodesk.reporting.api.ApiModels.AdoptionJson;
import io.infodesk.reporting.api.ApiModels.AuthorJson;
import io.infodesk.reporting.api.ApiModels.BodyRef;
import io.infodesk.reporting.api.ApiModels.ItemJson;
import io.infodesk.reporting.api.ApiModels.ItemSummary;
import io.infodesk.reporting.api.ApiModels.OwnerJson;
import io.infodesk.reporting.api.ApiModels.PageJson;
import io.infodesk.reporting.api.ApiModels.ReviewJson;
import io.infodesk.reporting.api.ApiModels.SolicitationJson;
import io.infodesk.reporting.api.ApiModels.SubmissionJson;
import io.infodesk.reporting.api.ApiModels.UnitRef;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.InformationItems;
import io.infodesk.reporting.outcome.Adoption;
import io.infodesk.reporting.outcome.Adoptions;
import io.infodesk.reporting.outcome.ReportingBody;
import io.infodesk.reporting.outcome.Submission;
import io.infodesk.reporting.outcome.Submissions;
import io.infodesk.reporting.solicitation.Solicitation;
import io.infodesk.reporting.solicitation.SolicitationStatus;
import io.infodesk.reporting.solicitation.Solicitations;
import io.infodesk.reporting.web.Directory;
import io.infodesk.review.DocumentRef;
import io.infodesk.review.ReviewChains;
import io.infodesk.review.ReviewProcess;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.TimeConfiguration;

/** Turns reporting's records into the API's JSON records ({@link ApiModels}). */
@Component
class ApiJson {

	private final Directory directory;

	private final Solicitations solicitations;

	private final Submissions submissions;

	private final Adoptions adoptions;

	private final InformationItems items;

	private final ReviewChains reviewChains;

	private final Texts texts;

	private final Clock clock;

	ApiJson(Directory directory, Solicitations solicitations, Submissions submissions, Adoptions adoptions,
			InformationItems items, ReviewChains reviewChains, Texts texts, Clock clock) {
		this.directory = directory;
		this.solicitations = solicitations;
		this.submissions = submissions;
		this.adoptions = adoptions;
		this.items = items;
		this.reviewChains = reviewChains;
		this.texts = texts;
		this.clock = clock;
	}

	static OffsetDateTime time(Instant instant) {
		return instant == null ? null : instant.atZone(TimeConfiguration.ZONE).toOffsetDateTime();
	}

	<T, J> PageJson<J> page(Page<T> page, List<J> content) {
		return new PageJson<>(content, page.getNumber() + 1, page.getSize(), page.getTotalElements(),
				page.getTotalPages());
	}

	List<ItemSummary> summaries(List<InformationItem> list) {
		Map<Long, String> units = directory.unitNames();
		return list.stream()
			.map(item -> new ItemSummary(item.getId(), item.getTitle(), item.getKind(),
					new UnitRef(item.getUnitId(), units.get(item.getUnitId())), item.getStatus(),
					texts.get("reporting.status." + item.getStatus().name()), item.getDrafterName(), item.getRevision(),
					item.isUrgent(), time(item.getDueAt()), time(item.getFirstSubmittedAt()), item.getAdoptionLevel(),
					time(item.getCreatedAt())))
			.toList();
	}

	ItemJson item(InformationItem item) {
		Map<Long, String> units = directory.unitNames();
		ReviewJson review = reviewChains.process(InformationItem.ref(item.getId())).map(this::review).orElse(null);
		List<AuthorJson> authors = item.getAuthors()
			.stream()
			.map(author -> new AuthorJson(author.getPersonId(), author.getPersonName(), author.getUnitId(),
					author.getWeight()))
			.toList();
		return new ItemJson(item.getId(), item.getTitle(), item.getKind(),
				new UnitRef(item.getUnitId(), units.get(item.getUnitId())), item.getStatus(),
				texts.get("reporting.status." + item.getStatus().name()), item.getBody(), item.getBodyText(),
				item.getAngles(), item.getSources(), authors, item.getDrafterName(), item.getRevision(),
				item.getSolicitationId(), item.isUrgent(), item.getUrgentCategory(), time(item.getEventAt()),
				time(item.getDueAt()), time(item.getFirstSubmittedAt()), item.getLateSeconds(), item.getAdoptionLevel(),
				review, submissions.of(item.getId()).stream().map(this::submission).toList(),
				adoptions(adoptions.adoptionsOf(item.getId())), time(item.getCreatedAt()), time(item.getUpdatedAt()));
	}

	private ReviewJson review(ReviewProcess process) {
		String role = process.currentRole() == null ? null : process.currentRole().name();
		return new ReviewJson(process.getStatus().name(), process.getRound(), process.getCurrentStep(), role,
				role == null ? null : texts.get("reporting.chain.role." + role),
				process.steps().stream().map(Enum::name).toList());
	}

	SubmissionJson submission(Submission submission) {
		ReportingBody body = solicitations.body(submission.getBodyId());
		return new SubmissionJson(submission.getId(), body.getId(), body.getShortName(), submission.getChannel(),
				time(submission.getSubmittedAt()), submission.getNote(), submission.getRecordedByName());
	}

	List<AdoptionJson> adoptions(Collection<Adoption> list) {
		Map<Long, InformationItem> byId = items.byIds(list.stream().map(Adoption::getItemId).collect(Collectors.toSet()));
		return list.stream().map(adoption -> {
			InformationItem item = byId.get(adoption.getItemId());
			return new AdoptionJson(adoption.getId(), adoption.getItemId(), item == null ? null : item.getTitle(),
					item == null ? null : item.getUnitId(), adoption.getOutlet(), adoption.getIssue(),
					adoption.getLevel(), adoption.getAdoptedOn(), adoption.getEvidence(), adoption.getRecordedByName(),
					time(adoption.getRecordedAt()));
		}).toList();
	}

	List<SolicitationJson> solicitations(List<Solicitation> list) {
		Map<Long, String> units = directory.unitNames();
		Map<Long, ReportingBody> bodies = solicitations.bodies()
			.stream()
			.collect(Collectors.toMap(ReportingBody::getId, Function.identity()));
		Instant now = Instant.now(clock);
		return list.stream().map(solicitation -> {
			ReportingBody body = bodies.get(solicitation.getBodyId());
			SolicitationStatus status = solicitation.statusAt(now);
			return new SolicitationJson(solicitation.getId(), new BodyRef(body.getId(), body.getShortName()),
					solicitation.getTopic(), solicitation.getRequirements(), solicitation.getReceivedOn(),
					time(solicitation.getDeadline()), status, texts.get("reporting.solicitation.status." + status.name()),
					solicitation.getUnitIds().stream().sorted().map(id -> new UnitRef(id, units.get(id))).toList(),
					solicitation.getOwners()
						.stream()
						.map(owner -> new OwnerJson(owner.getPersonId(), owner.getPersonName()))
						.toList(),
					time(solicitation.getDeliveredAt()), solicitation.getDeliveredItemId());
		}).toList();
	}

}
