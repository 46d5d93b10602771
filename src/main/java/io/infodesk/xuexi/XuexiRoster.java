package io.infodesk.xuexi;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.infodesk.audit.AuditTrail;
import io.infodesk.shared.crypto.PersonalData;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.text.Strings;
import io.infodesk.shared.text.Texts;
import io.infodesk.xuexi.internal.RosterMemberRepository;

/**
 * The roster of who must study (S3.4-a): enrolled from the organisation (by default its party members; per unit
 * everyone, if the unit decides so), each with the platform identity and registration; the section-level cadre flag
 * is the person's, kept by the personnel section in the organisation. Platform members found in an import and
 * matched to nobody are listed here to be matched to a person or ignored.
 */
@Service
@Validated
@Transactional
public class XuexiRoster {

	private final RosterMemberRepository members;

	private final Organization organization;

	private final JdbcTemplate jdbc;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	private final PersonalData personal;

	XuexiRoster(RosterMemberRepository members, Organization organization, JdbcTemplate jdbc, AuditTrail audit,
			Texts texts, Clock clock, PersonalData personal) {
		this.personal = personal;
		this.members = members;
		this.organization = organization;
		this.jdbc = jdbc;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	/** A roster line with the person's facts from the organisation. */
	public record Line(RosterMember member, String name, String unitName, String phone, boolean partyMember,
			boolean cadre, boolean active) {

	}

	@Transactional(readOnly = true)
	public List<Line> lines(DataScope scope, Long unitId) {
		List<RosterMember> all = members.findAllByOrderByUnitIdAscIdAsc()
			.stream()
			.filter(m -> scope.includes(m.getUnitId()))
			.filter(m -> unitId == null || m.getUnitId() == unitId)
			.toList();
		Map<Long, Person> people = organization.people(all.stream().map(RosterMember::getPersonId).toList())
			.stream()
			.collect(Collectors.toMap(Person::getId, Function.identity()));
		Map<Long, String> units = organization.activeUnits()
			.stream()
			.collect(Collectors.toMap(Unit::getId, Unit::getName));
		Map<Long, Integer> order = new java.util.HashMap<>();
		List<Unit> active = organization.activeUnits();
		for (int i = 0; i < active.size(); i++) {
			order.put(active.get(i).getId(), i);
		}
		List<Line> lines = new ArrayList<>();
		for (RosterMember member : all) {
			Person person = people.get(member.getPersonId());
			if (person == null) {
				continue;
			}
			lines.add(new Line(member, person.getName(), units.getOrDefault(member.getUnitId(), ""), person.getPhone(),
					person.isPartyMember(), person.isSectionLevelCadre(), person.isActive()));
		}
		lines.sort(Comparator.comparing((Line l) -> order.getOrDefault(l.member().getUnitId(), Integer.MAX_VALUE))
			.thenComparing(l -> people.get(l.member().getPersonId()).getSortOrder())
			.thenComparing(l -> l.member().getId()));
		return lines;
	}

	@Transactional(readOnly = true)
	public RosterMember get(long id) {
		return members.findById(id).orElseThrow(() -> new ImportRefused("xuexi.roster.notFound", id));
	}

	/**
	 * Puts on the roster the active people of a unit (or of every unit) not yet on it: the party members, or everyone
	 * when {@code everyone}; members who changed unit in the organisation follow them. Returns how many were added.
	 */
	public int enrol(Long unitId, boolean everyone, DataScope scope) {
		Instant now = Instant.now(clock);
		int added = 0;
		int moved = 0;
		for (Unit unit : organization.activeUnits()) {
			if ((unitId != null && !unit.getId().equals(unitId)) || !scope.includes(unit.getId())) {
				continue;
			}
			for (Person person : organization.peopleOf(unit.getId())) {
				if (!person.isActive()) {
					continue;
				}
				var existing = members.findByPersonId(person.getId());
				if (existing.isPresent()) {
					if (existing.get().getUnitId() != person.getUnitId()) {
						existing.get().setUnitId(person.getUnitId());
						existing.get().touch(now);
						moved++;
					}
					continue;
				}
				if (everyone || person.isPartyMember()) {
					members.save(new RosterMember(person.getId(), person.getUnitId(), now));
					added++;
				}
			}
		}
		if (added > 0 || moved > 0) {
			String where = unitId == null ? texts.get("xuexi.roster.allUnits")
					: organization.unit(unitId).map(Unit::getName).orElse("");
			audit.record("XUEXI_ROSTER_ENROLLED", "XuexiRoster", unitId == null ? 0 : unitId,
					texts.get("xuexi.audit.enrolled", where,
							texts.get(everyone ? "xuexi.roster.everyone" : "xuexi.roster.partyMembers"), added, moved));
		}
		return added;
	}

	public RosterMember update(long id, @Valid RosterForm form, DataScope scope) {
		RosterMember member = get(id);
		if (!scope.includes(member.getUnitId())) {
			throw new org.springframework.security.access.AccessDeniedException("超出数据权限范围");
		}
		LocalDate today = LocalDate.now(clock);
		if (form.registeredOn() != null && !form.registered()) {
			throw new ImportRefused("xuexi.roster.error.dateWithoutRegistration");
		}
		if (form.registeredOn() != null && (form.registeredOn().isAfter(today)
				|| form.registeredOn().isBefore(XuexiImports.EARLIEST))) {
			throw new ImportRefused("xuexi.roster.error.registeredOn", XuexiImports.EARLIEST, today);
		}
		String platformId = Strings.blankToNull(form.platformMemberId());
		if (platformId != null) {
			boolean taken = jdbc.queryForObject(
					"select count(*) from xuexi_member where platform_member_id = ? and id <> ?", Integer.class,
					platformId, id) > 0;
			if (taken) {
				throw new ImportRefused("xuexi.roster.error.memberIdTaken", platformId);
			}
		}
		String before = describe(member);
		member.setRequired(form.required());
		member.setPlatformName(Strings.blankToNull(form.platformName()));
		member.setPlatformPhone(Strings.blankToNull(form.platformPhone()));
		member.setPlatformMemberId(platformId);
		member.setPlatformOrg(Strings.blankToNull(form.platformOrg()));
		member.setRegistered(form.registered());
		member.setRegisteredOn(form.registered() ? form.registeredOn() : null);
		String after = describe(member);
		if (!before.equals(after)) {
			member.touch(Instant.now(clock));
			String name = organization.person(member.getPersonId()).map(Person::getName).orElse("");
			audit.record("XUEXI_MEMBER_UPDATED", "XuexiMember", id,
					texts.get("xuexi.audit.memberUpdated", name, before, after));
		}
		return member;
	}

	private static String describe(RosterMember m) {
		return String.join("，", Objects.toString(m.isRequired()), Objects.toString(m.getPlatformName(), ""),
				Objects.toString(PersonalData.masked(m.getPlatformPhone()), ""), Objects.toString(m.getPlatformMemberId(), ""),
				Objects.toString(m.getPlatformOrg(), ""), Objects.toString(m.isRegistered()),
				Objects.toString(m.getRegisteredOn(), ""));
	}

	// unmatched members ------------------------------------------------------------------------------------------

	public record UnmatchedMember(long id, String name, String phone, String memberId, String org, String status,
			Instant firstSeen) {

	}

	@Transactional(readOnly = true)
	public List<UnmatchedMember> unmatched() {
		return jdbc.query("select * from xuexi_unmatched where status = 'OPEN' order by id",
				(rs, n) -> new UnmatchedMember(rs.getLong("id"), rs.getString("platform_name"),
						personal.decrypt(rs.getString("platform_phone")), rs.getString("platform_member_id"), rs.getString("platform_org"),
						rs.getString("status"), rs.getTimestamp("first_seen").toInstant()));
	}

	private UnmatchedMember openUnmatched(long id) {
		return unmatched().stream()
			.filter(u -> u.id() == id)
			.findFirst()
			.orElseThrow(() -> new ImportRefused("xuexi.unmatched.notFound", id));
	}

	/**
	 * Matches a platform member to a person: the person is put on the roster if not yet, and takes the platform
	 * identity, so the next import finds them (import the report again for the days already imported).
	 */
	public RosterMember match(long unmatchedId, long personId, DataScope scope) {
		UnmatchedMember unmatched = openUnmatched(unmatchedId);
		Person person = organization.person(personId)
			.filter(Person::isActive)
			.orElseThrow(() -> new ImportRefused("xuexi.unmatched.personMissing"));
		if (!scope.includes(person.getUnitId())) {
			throw new org.springframework.security.access.AccessDeniedException("超出数据权限范围");
		}
		Instant now = Instant.now(clock);
		RosterMember member = members.findByPersonId(personId)
			.orElseGet(() -> members.save(new RosterMember(personId, person.getUnitId(), now)));
		if (unmatched.memberId() != null) {
			boolean taken = jdbc.queryForObject(
					"select count(*) from xuexi_member where platform_member_id = ? and id <> ?", Integer.class,
					unmatched.memberId(), member.getId() == null ? -1 : member.getId()) > 0;
			if (taken) {
				throw new ImportRefused("xuexi.roster.error.memberIdTaken", unmatched.memberId());
			}
			member.setPlatformMemberId(unmatched.memberId());
		}
		if (unmatched.name() != null) {
			member.setPlatformName(unmatched.name());
		}
		if (unmatched.phone() != null) {
			member.setPlatformPhone(unmatched.phone());
		}
		if (unmatched.org() != null) {
			member.setPlatformOrg(unmatched.org());
		}
		member.touch(now);
		jdbc.update("update xuexi_unmatched set status = 'MATCHED', person_id = ? where id = ?", personId, unmatchedId);
		audit.record("XUEXI_UNMATCHED_MATCHED", "XuexiMember", member.getId(),
				texts.get("xuexi.audit.matched", label(unmatched), person.getName()));
		return member;
	}

	public void ignore(long unmatchedId) {
		UnmatchedMember unmatched = openUnmatched(unmatchedId);
		jdbc.update("update xuexi_unmatched set status = 'IGNORED' where id = ?", unmatchedId);
		audit.record("XUEXI_UNMATCHED_IGNORED", "XuexiUnmatched", unmatchedId,
				texts.get("xuexi.audit.ignored", label(unmatched)));
	}

	private static String label(UnmatchedMember u) {
		return Objects.toString(u.name(), "") + (u.phone() == null ? "" : "（" + PersonalData.masked(u.phone()) + "）")
				+ (u.memberId() == null ? "" : " " + u.memberId());
	}

}
