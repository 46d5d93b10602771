package io.infodesk.reporting.item.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.infodesk.reporting.AdministrativeLevel;
import io.infodesk.reporting.attachment.Attachments;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.InformationItems;
import io.infodesk.reporting.item.ItemStatus;
import io.infodesk.reporting.item.VerificationForm;
import io.infodesk.reporting.item.VerificationMethod;
import io.infodesk.reporting.material.Materials;
import io.infodesk.reporting.outcome.AdoptionForm;
import io.infodesk.reporting.outcome.Adoptions;
import io.infodesk.reporting.outcome.InstructionForm;
import io.infodesk.reporting.outcome.SubmissionChannel;
import io.infodesk.reporting.outcome.SubmissionForm;
import io.infodesk.reporting.outcome.Submissions;
import io.infodesk.reporting.solicitation.Solicitation;
import io.infodesk.reporting.solicitation.Solicitations;
import io.infodesk.reporting.urgent.SameDayRule;
import io.infodesk.reporting.web.Directory;
import io.infodesk.reporting.web.Durations;
import io.infodesk.reporting.web.StatusBadges;
import io.infodesk.review.DocumentRef;
import io.infodesk.review.DocumentVersions;
import io.infodesk.review.ReviewAction;
import io.infodesk.review.ReviewChains;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.TimeConfiguration;

/**
 * The item detail page's model, shared by the controllers whose forms post to it and show it again with their
 * errors: content, verification, versions, the review chain, solicitation, the same-day clock, submissions,
 * adoptions and instructions — and what the user may do on it.
 */
@Component
public class ItemPage {

	static final String VIEW = "reporting/item/itemDetail";

	private final InformationItems items;

	private final DocumentVersions versions;

	private final ReviewChains reviewChains;

	private final Solicitations solicitations;

	private final Submissions submissions;

	private final Adoptions adoptions;

	private final Directory directory;

	private final Durations durations;

	private final Texts texts;

	private final Clock clock;

	private final Attachments attachments;

	private final Materials materials;

	ItemPage(InformationItems items, DocumentVersions versions, ReviewChains reviewChains, Solicitations solicitations,
			Submissions submissions, Adoptions adoptions, Directory directory, Durations durations,
			Texts texts, Clock clock, Attachments attachments, Materials materials) {
		this.attachments = attachments;
		this.materials = materials;
		this.items = items;
		this.versions = versions;
		this.reviewChains = reviewChains;
		this.solicitations = solicitations;
		this.submissions = submissions;
		this.adoptions = adoptions;
		this.directory = directory;
		this.durations = durations;
		this.texts = texts;
		this.clock = clock;
	}

	public String show(InformationItem item, AuthenticatedUser me, Model model) {
		LocalDate today = LocalDate.now(clock);
		DocumentRef ref = InformationItem.ref(item.getId());
		model.addAttribute("item", item);
		model.addAttribute("unitNames", directory.unitNames());
		model.addAttribute("verifications", items.verifications(item.getId()));
		model.addAttribute("versions", versions.of(ref));
		model.addAttribute("methods", VerificationMethod.values());
		model.addAttribute("statusClass", StatusBadges.of(item.getStatus()));
		model.addAttribute("canEdit", items.canEdit(item, me));
		boolean owner = item.isOwnedBy(me.userId(), me.personId());
		boolean reviewer = reviewChains.isCurrentReviewer(ref, me);
		model.addAttribute("canVerify", (owner && me.can("reporting:draft")) || reviewer);
		model.addAttribute("canDiscard", owner && me.can("reporting:draft") && item.getStatus() == ItemStatus.DRAFT);
		model.addAttribute("canSubmit", owner && me.can("reporting:draft") && item.getStatus().editableByDrafter());
		model.addAttribute("canReview", reviewer);
		model.addAttribute("process", reviewChains.process(ref).orElse(null));
		List<ReviewAction> reviewHistory = reviewChains.history(ref);
		model.addAttribute("reviewHistory", reviewHistory);
		model.addAttribute("lastReturn", reviewHistory.stream()
			.filter(action -> action.getAction() == ReviewAction.Kind.RETURNED)
			.reduce((first, second) -> second)
			.filter(action -> item.getStatus() == ItemStatus.RETURNED)
			.orElse(null));
		model.addAttribute("submittedRevision", reviewChains.submittedRevision(ref).orElse(null));
		Solicitation solicitation = item.getSolicitationId() == null ? null
				: solicitations.get(item.getSolicitationId());
		model.addAttribute("solicitation", solicitation);
		Map<Long, String> bodyNames = new HashMap<>();
		solicitations.bodies().forEach(body -> bodyNames.put(body.getId(), body.getShortName()));
		model.addAttribute("bodyNames", bodyNames);
		model.addAttribute("activeBodies", solicitations.activeBodies());
		if (item.isUrgent()) {
			model.addAttribute("urgentTiming", urgentTiming(item));
		}
		// outcomes (S3.1-c, S3.1-d)
		model.addAttribute("submissions", submissions.of(item.getId()));
		List<io.infodesk.reporting.outcome.Adoption> adopted = adoptions.adoptionsOf(item.getId());
		model.addAttribute("adoptions", adopted);
		model.addAttribute("evidenceFiles", attachments.ofAll(io.infodesk.reporting.attachment.Attachment.Owner.ADOPTION,
				adopted.stream().map(io.infodesk.reporting.outcome.Adoption::getId).toList()));
		// attachments and materials (S3.1-b): changed by whoever may edit the content now
		model.addAttribute("attachments", attachments.of(io.infodesk.reporting.attachment.Attachment.Owner.ITEM, item.getId()));
		model.addAttribute("linkedMaterials", materials.linkedTo(item.getId()));
		model.addAttribute("canChangeFiles", attachments.canChangeItemFiles(item, me));
		model.addAttribute("maxFileMegabytes", attachments.maxSizeMegabytes());
		model.addAttribute("instructions", adoptions.instructionsOf(item.getId()));
		model.addAttribute("channels", SubmissionChannel.values());
		model.addAttribute("levels", AdministrativeLevel.values());
		model.addAttribute("today", today);
		model.addAttribute("canRecordSubmission", me.can("reporting:submit") && item.getStatus().signedOff());
		boolean submitted = item.getStatus() == ItemStatus.SUBMITTED || item.getStatus() == ItemStatus.ADOPTED;
		model.addAttribute("canRecordAdoption", me.can("reporting:adopt") && submitted);
		if (!model.containsAttribute("verificationForm")) {
			model.addAttribute("verificationForm", VerificationForm.blank(me.displayName(), today));
		}
		if (!model.containsAttribute("submissionForm")) {
			Long preset = solicitation != null ? solicitation.getBodyId() : null;
			model.addAttribute("submissionForm",
					SubmissionForm.blank(preset, LocalDateTime.ofInstant(Instant.now(clock), TimeConfiguration.ZONE)));
		}
		if (!model.containsAttribute("adoptionForm")) {
			model.addAttribute("adoptionForm", AdoptionForm.blank(today));
		}
		if (!model.containsAttribute("instructionForm")) {
			model.addAttribute("instructionForm", InstructionForm.blank(today));
		}
		return VIEW;
	}

	private String urgentTiming(InformationItem item) {
		Instant now = Instant.now(clock);
		if (item.getFirstSubmittedAt() != null) {
			return item.isLate()
					? texts.get("reporting.urgent.submittedLate", durations.text(Duration.ofSeconds(item.getLateSeconds())))
					: texts.get("reporting.urgent.submittedOnTime");
		}
		return SameDayRule.isLate(item.getEventAt(), now)
				? texts.get("reporting.urgent.overdue", durations.text(SameDayRule.delay(item.getEventAt(), now)))
				: texts.get("reporting.urgent.timeLeft", durations.text(SameDayRule.timeLeft(item.getEventAt(), now)));
	}

}
