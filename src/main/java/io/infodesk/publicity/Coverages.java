package io.infodesk.publicity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Subquery;
import jakarta.validation.Valid;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.infodesk.audit.AuditTrail;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.publicity.internal.CoverageRepository;
import io.infodesk.shared.files.FileDownload;
import io.infodesk.shared.files.FileRefused;
import io.infodesk.shared.files.FileStore;
import io.infodesk.shared.files.StoredContent;
import io.infodesk.shared.files.Upload;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.PermissionChecks;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Strings;
import io.infodesk.shared.text.Texts;

/**
 * The coverage register (见报、播出, S3.2-d). A record is refused with a Chinese message and nothing saved when its
 * outlet is unknown, its day is in the future, nobody (or a person outside the recorder's data scope) is credited,
 * the weights do not add up to 100, or the evidence is not an image or a PDF by its content; otherwise it is kept,
 * audited and published as {@link CoveragePublished} for assessment. Read within the data scope (a record is seen
 * when one of its credited units is in scope).
 */
@Service
@Validated
@Transactional
public class Coverages {

	static final String ENTITY = "Coverage";

	static final Sort ORDER = Sort.by(Sort.Order.desc("publishedOn"), Sort.Order.desc("id"));

	/** A filter of the register. */
	public record Filter(String keyword, Long unitId, MediaTier tier, LocalDate from, LocalDate to) {

		public static Filter none() {
			return new Filter(null, null, null, null, null);
		}

	}

	private final CoverageRepository coverages;

	private final Outlets outlets;

	private final Organization organization;

	private final FileStore files;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	private final AnnualPlans plans;

	private final org.springframework.jdbc.core.JdbcTemplate jdbc;

	Coverages(CoverageRepository coverages, Outlets outlets, Organization organization, FileStore files,
			ApplicationEventPublisher events, AuditTrail audit, Texts texts, Clock clock, AnnualPlans plans,
			org.springframework.jdbc.core.JdbcTemplate jdbc) {
		this.plans = plans;
		this.jdbc = jdbc;
		this.coverages = coverages;
		this.outlets = outlets;
		this.organization = organization;
		this.files = files;
		this.events = events;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	public Coverage record(@Valid CoverageForm form, Upload evidence, AuthenticatedUser actor, DataScope scope) {
		return record(form, evidence, null, actor, scope);
	}

	/**
	 * Records the coverage and, when {@code planPoint} ("planId:position", from the form) names a point of a plan of
	 * the scope whose unit is credited, links the record to that point (the point is then done, see
	 * {@link FollowThrough}). An unknown point or one of a unit not credited is refused before anything is saved.
	 */
	public Coverage record(@Valid CoverageForm form, Upload evidence, String planPoint, AuthenticatedUser actor,
			DataScope scope) {
		PermissionChecks.require(actor, Permissions.PUBLICITY_COVERAGE_RECORD);
		Outlet outlet = outlets.find(form.outletId())
			.filter(Outlet::isActive)
			.orElseThrow(() -> new PublicityException("outletId", "publicity.coverage.outlet.unknown"));
		if (form.publishedOn().isAfter(LocalDate.now(clock))) {
			throw new PublicityException("publishedOn", "publicity.coverage.on.future");
		}
		if (form.link() != null && !form.link().isBlank() && !form.link().strip().matches("(?i)https?://\\S+")) {
			throw new PublicityException("link", "publicity.coverage.link.invalid");
		}
		List<Coverage.Credit> credits = credits(form, scope);
		PlanPoint point = planPoint(planPoint, credits, scope);
		if (evidence == null) {
			throw new PublicityException("evidence", "publicity.coverage.evidence.required");
		}
		StoredContent stored = store(evidence);
		String name = FileDownload.cleanName(evidence.originalName(), texts.get("publicity.coverage.evidence"));
		Coverage coverage = coverages.saveAndFlush(new Coverage(outlet.getId(), form.publishedOn(), form.title().strip(),
				Strings.blankToNull(form.link()), form.form(), form.placement(), credits, stored.sha256(),
				stored.type(), name, stored.size(), actor.userId(), actor.displayName(), Instant.now(clock)));
		audit.record("PUBLICITY_COVERAGE_RECORDED", ENTITY, coverage.getId(),
				texts.get("publicity.audit.coverageRecorded", outlet.getName(), coverage.getPublishedOn(),
						coverage.getTitle(), texts.get("publicity.placement." + coverage.getPlacement())));
		events.publishEvent(new CoveragePublished(coverage.getId(), outlet.getTier(), coverage.isFrontPageLead(),
				coverage.getPublishedOn(), coverage.unitIds(), coverage.shares(), coverage.getTitle()));
		if (point != null) {
			jdbc.update("insert into pub_plan_point_coverage (plan_id, work, coverage_id) values (?, ?, ?)",
					point.planId(), point.work(), coverage.getId());
			audit.record("PUBLICITY_PLAN_POINT_COVERED", AnnualPlans.ENTITY, point.planId(),
					texts.get("publicity.audit.pointCovered", point.work(), coverage.getTitle()));
		}
		return coverage;
	}

	private record PlanPoint(long planId, String work) {

	}

	private PlanPoint planPoint(String ref, List<Coverage.Credit> credits, DataScope scope) {
		if (ref == null || ref.isBlank()) {
			return null;
		}
		String[] parts = ref.strip().split(":");
		AnnualPlan plan;
		int position;
		try {
			plan = plans.get(Long.parseLong(parts[0]));
			position = Integer.parseInt(parts[1]);
		}
		catch (RuntimeException malformed) {
			throw new PublicityException("planPoint", "publicity.coverage.point.unknown");
		}
		if (plan == null || !scope.includes(plan.getUnitId()) || position < 1 || position > plan.getPoints().size()) {
			throw new PublicityException("planPoint", "publicity.coverage.point.unknown");
		}
		Set<Long> units = new HashSet<>();
		for (Coverage.Credit credit : credits) {
			units.add(credit.getUnitId());
		}
		if (!units.contains(plan.getUnitId())) {
			throw new PublicityException("planPoint", "publicity.coverage.point.unit");
		}
		return new PlanPoint(plan.getId(), plan.getPoints().get(position - 1).getWork());
	}

	private List<Coverage.Credit> credits(CoverageForm form, DataScope scope) {
		List<CoverageForm.CreditEntry> named = form.named();
		if (named.isEmpty()) {
			throw new PublicityException("credits", "publicity.coverage.credits.required");
		}
		Set<Long> seen = new HashSet<>();
		List<Coverage.Credit> credits = new ArrayList<>();
		for (CoverageForm.CreditEntry entry : named) {
			Person person = organization.person(entry.personId())
				.orElseThrow(() -> new PublicityException("credits", "publicity.coverage.person.unknown"));
			if (!seen.add(person.getId())) {
				throw new PublicityException("credits", "publicity.coverage.person.twice", person.getName());
			}
			if (!scope.includes(person.getUnitId())) {
				throw new PublicityException("credits", "publicity.coverage.person.outOfScope", person.getName());
			}
			credits.add(new Coverage.Credit(person.getId(), person.getUnitId(), entry.weight()));
		}
		long weighted = named.stream().filter(c -> c.weight() != null).count();
		if (weighted > 0 && (weighted < named.size()
				|| named.stream().mapToInt(CoverageForm.CreditEntry::weight).sum() != 100)) {
			throw new PublicityException("credits", "publicity.coverage.weights.sum");
		}
		return credits;
	}

	/** A clipping image or a PDF, by content (a DOCX or XLSX the store would take is refused here before storing). */
	private StoredContent store(Upload evidence) {
		byte[] head;
		try (InputStream in = evidence.open()) {
			head = in.readNBytes(4);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (head.length >= 2 && head[0] == 'P' && head[1] == 'K') {
			throw new PublicityException("evidence", "publicity.coverage.evidence.type");
		}
		StoredContent stored;
		try (InputStream in = evidence.open()) {
			stored = files.store(in, evidence.size());
		}
		catch (FileRefused refused) {
			throw new PublicityException("evidence", "publicity.coverage.evidence.refused",
					texts.get(refused.messageKey(), refused.args()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (!stored.type().isImage() && stored.type() != io.infodesk.shared.files.FileType.PDF) {
			throw new PublicityException("evidence", "publicity.coverage.evidence.type");
		}
		return stored;
	}

	@Transactional(readOnly = true)
	public Coverage get(long id) {
		return coverages.findById(id).orElseThrow(() -> PublicityException.of("publicity.coverage.notFound", id));
	}

	/** Whether one of the record's credited units is in the scope. */
	public static boolean visible(Coverage coverage, DataScope scope) {
		return coverage.unitIds().stream().anyMatch(scope::includes);
	}

	@Transactional(readOnly = true)
	public Page<Coverage> search(Filter filter, DataScope scope, Pageable pageable) {
		return coverages.findAll(specification(filter, scope),
				PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), ORDER));
	}

	@Transactional(readOnly = true)
	public List<Coverage> list(Filter filter, DataScope scope) {
		return coverages.findAll(specification(filter, scope), ORDER);
	}

	@Transactional(readOnly = true)
	public long count() {
		return coverages.count();
	}

	private Specification<Coverage> specification(Filter filter, DataScope scope) {
		Specification<Coverage> spec = credited(scope, null);
		if (filter.unitId() != null) {
			spec = spec.and(credited(DataScope.units(List.of(filter.unitId())), filter.unitId()));
		}
		if (filter.keyword() != null && !filter.keyword().isBlank()) {
			String pattern = "%" + filter.keyword().strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
				.replace("%", "\\%").replace("_", "\\_") + "%";
			spec = spec.and((root, query, cb) -> cb.like(cb.lower(root.get("title")), pattern, '\\'));
		}
		if (filter.tier() != null) {
			List<Long> ids = outlets.all().stream().filter(o -> o.getTier() == filter.tier()).map(Outlet::getId).toList();
			spec = spec.and((root, query, cb) -> ids.isEmpty() ? cb.disjunction() : root.get("outletId").in(ids));
		}
		if (filter.from() != null) {
			spec = spec.and((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("publishedOn"), filter.from()));
		}
		if (filter.to() != null) {
			spec = spec.and((root, query, cb) -> cb.lessThanOrEqualTo(root.get("publishedOn"), filter.to()));
		}
		return spec;
	}

	/** Records with a credit whose unit is in the scope (a subquery, so that a record is listed once). */
	private static Specification<Coverage> credited(DataScope scope, Long unitId) {
		if (!(scope instanceof DataScope.Units units)) {
			return (root, query, cb) -> cb.conjunction();
		}
		List<Long> ids = units.unitIds().isEmpty() ? List.of(-1L) : List.copyOf(units.unitIds());
		return (root, query, cb) -> {
			Subquery<Long> sub = query.subquery(Long.class);
			var c = sub.from(Coverage.class);
			Join<Coverage, Coverage.Credit> credit = c.join("credits");
			sub.select(c.get("id")).where(cb.equal(c.get("id"), root.get("id")), credit.get("unitId").in(ids));
			return cb.exists(sub);
		};
	}

}
