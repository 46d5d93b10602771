package io.infodesk.organization.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.organization.Leadership;
import io.infodesk.organization.LeaderAssignmentForm;
import io.infodesk.organization.People;
import io.infodesk.organization.Person;
import io.infodesk.organization.PersonForm;
import io.infodesk.organization.PublicistForm;
import io.infodesk.organization.Publicists;
import io.infodesk.organization.Unit;
import io.infodesk.organization.UnitForm;
import io.infodesk.organization.UnitType;
import io.infodesk.organization.Units;

/**
 * Demo data (profile {@code demo}, only on an empty organisation): a plausible district housing and
 * urban-rural development bureau (住建局) with its leadership, twelve sections and institutions,
 * sixty people, leaders in charge of every unit and one or two publicists per unit, except 城建档案馆,
 * which has none so that the dashboard shows the highlight. Written through the services, so every
 * record has its audit entry (actor "system"). Runs before the demo accounts (order 20).
 */
@Component
@Profile("demo")
@Order(10)
class DemoOrganization implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoOrganization.class);

	/** A person of the demo: name, position, and flags H = head, P = publicist, C = online commentator. */
	record Member(String name, String position, String flags) {

		boolean head() {
			return flags.contains("H");
		}

		boolean publicist() {
			return flags.contains("P");
		}

		boolean commentator() {
			return flags.contains("C");
		}

		/** Heads, deputies and the bureau leaders are section-level cadres (科级干部) in a district bureau. */
		boolean cadre() {
			return position.contains("局长") || position.contains("组长") || position.contains("科长")
					|| position.contains("主任") || position.contains("站长") || position.contains("馆长");
		}

	}

	record DemoUnit(String name, UnitType type, List<Member> members) {

	}

	static final List<DemoUnit> UNITS = List.of(
			new DemoUnit("局领导班子", UnitType.LEADERSHIP,
					List.of(new Member("张建国", "局长、党组书记", "H"), new Member("李明华", "党组成员、副局长", ""),
							new Member("王志强", "党组成员、副局长", ""), new Member("陈卫东", "党组成员、副局长", ""),
							new Member("刘晓红", "驻局纪检监察组组长", ""))),
			new DemoUnit("办公室", UnitType.SECTION,
					List.of(new Member("黄海涛", "主任", "H"), new Member("周敏", "副主任", "PC"),
							new Member("林小燕", "科员", "PC"), new Member("郑凯", "科员", ""), new Member("何婷", "科员", "C"),
							new Member("马骏", "办事员", ""))),
			new DemoUnit("组织人事科", UnitType.SECTION,
					List.of(new Member("吴静", "科长", "H"), new Member("徐丽", "副科长", ""), new Member("朱晨", "科员", "P"),
							new Member("胡斌", "科员", ""))),
			new DemoUnit("计划财务科", UnitType.SECTION,
					List.of(new Member("郭红梅", "科长", "H"), new Member("罗军", "副科长", ""), new Member("梁爽", "科员", "P"),
							new Member("宋佳", "会计", ""))),
			new DemoUnit("建筑业管理科", UnitType.SECTION,
					List.of(new Member("谢志明", "科长", "H"), new Member("韩磊", "副科长", ""), new Member("唐亮", "科员", "P"),
							new Member("冯雅", "科员", ""), new Member("于洋", "科员", ""))),
			new DemoUnit("房地产市场监管科", UnitType.SECTION,
					List.of(new Member("董建平", "科长", "H"), new Member("萧然", "副科长", ""), new Member("程琳", "科员", "PC"),
							new Member("曹阳", "科员", "P"), new Member("袁浩", "科员", ""))),
			new DemoUnit("物业管理科", UnitType.SECTION,
					List.of(new Member("孙伟", "科长", "H"), new Member("邓文", "副科长", ""), new Member("赵雪", "科员", "PC"),
							new Member("钱进", "科员", ""), new Member("许诺", "科员", ""))),
			new DemoUnit("住房保障科", UnitType.SECTION,
					List.of(new Member("傅强", "科长", "H"), new Member("沈燕", "副科长", ""), new Member("曾晓", "科员", "P"),
							new Member("彭飞", "科员", ""))),
			new DemoUnit("城建科", UnitType.SECTION,
					List.of(new Member("吕国庆", "科长", "H"), new Member("苏敏", "副科长", ""), new Member("卢静怡", "科员", "P"),
							new Member("蒋涛", "科员", ""))),
			new DemoUnit("村镇建设科", UnitType.SECTION,
					List.of(new Member("蔡志刚", "科长", "H"), new Member("贾蓉", "科员", "P"), new Member("丁鹏", "科员", ""),
							new Member("魏琳", "科员", ""))),
			new DemoUnit("质量安全监督站", UnitType.INSTITUTION,
					List.of(new Member("薛剑", "站长", "H"), new Member("叶青", "副站长", ""), new Member("阎海", "监督员", "P"),
							new Member("余杰", "监督员", ""), new Member("潘婷", "监督员", "PC"), new Member("杜明", "监督员", ""))),
			new DemoUnit("房产交易管理中心", UnitType.INSTITUTION,
					List.of(new Member("戴军", "主任", "H"), new Member("夏雨", "副主任", ""), new Member("钟晴", "科员", "PC"),
							new Member("汪洋", "科员", ""), new Member("田甜", "科员", ""))),
			new DemoUnit("城建档案馆", UnitType.INSTITUTION,
					List.of(new Member("任建华", "馆长", "H"), new Member("姜雪梅", "档案员", ""), new Member("范伟", "档案员", ""))));

	/** Which bureau leader is in charge of which units (刘晓红, of the discipline inspection team, of none). */
	static final List<Map.Entry<String, List<String>>> IN_CHARGE = List.of(
			Map.entry("张建国", List.of("办公室", "组织人事科", "计划财务科")),
			Map.entry("李明华", List.of("物业管理科", "房地产市场监管科", "房产交易管理中心")),
			Map.entry("王志强", List.of("建筑业管理科", "质量安全监督站", "城建档案馆")),
			Map.entry("陈卫东", List.of("住房保障科", "城建科", "村镇建设科")));

	private static final String[] PHONE_PREFIXES = { "139", "138", "137", "136", "135", "158", "152", "188", "189",
			"133", "180", "177" };

	private final UnitRepository unitRepository;

	private final Units units;

	private final People people;

	private final Leadership leadership;

	private final Publicists publicists;

	private final Clock clock;

	DemoOrganization(UnitRepository unitRepository, Units units, People people, Leadership leadership,
			Publicists publicists, Clock clock) {
		this.unitRepository = unitRepository;
		this.units = units;
		this.people = people;
		this.leadership = leadership;
		this.publicists = publicists;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (unitRepository.count() > 0) {
			return;
		}
		LocalDate since = LocalDate.now(clock).minusYears(1).withDayOfYear(1);
		Map<String, Unit> unitsByName = new HashMap<>();
		Map<String, Person> leaders = new HashMap<>();
		int order = 0;
		int personIndex = 0;
		for (DemoUnit demo : UNITS) {
			Unit unit = units.create(new UnitForm(demo.name(), null, demo.type(), null, null, order));
			order += 10;
			unitsByName.put(demo.name(), unit);
			Long headId = null;
			int personOrder = 0;
			for (Member member : demo.members()) {
				personIndex++;
				Person person = people.create(new PersonForm(member.name(), unit.getId(), member.position(),
						phone(personIndex), partyMember(member, personIndex), member.cadre(), member.commentator(),
						personOrder));
				personOrder += 10;
				if (member.head()) {
					headId = person.getId();
				}
				if (member.publicist()) {
					publicists.designate(new PublicistForm(unit.getId(), person.getId(), since, null));
				}
				if (demo.type() == UnitType.LEADERSHIP) {
					leaders.put(member.name(), person);
				}
			}
			units.update(unit.getId(), new UnitForm(demo.name(), null, demo.type(), null, headId, unit.getSortOrder()));
		}
		for (Map.Entry<String, List<String>> inCharge : IN_CHARGE) {
			List<Long> unitIds = inCharge.getValue().stream().map(name -> unitsByName.get(name).getId()).toList();
			leadership.assign(new LeaderAssignmentForm(leaders.get(inCharge.getKey()).getId(), unitIds, since, null));
		}
		log.info("Demo organisation created: {} units, {} people", UNITS.size(), personIndex);
	}

	/** A plausible, deterministic mainland mobile number. */
	static String phone(int index) {
		String prefix = PHONE_PREFIXES[index % PHONE_PREFIXES.length];
		return prefix + String.format("%04d%04d", (6100 + index * 37) % 10000, (index * 7919 + 1234) % 10000);
	}

	/** Leaders and cadres are party members; of the others about two in three. */
	static boolean partyMember(Member member, int index) {
		return member.cadre() || index % 3 != 0;
	}

}
