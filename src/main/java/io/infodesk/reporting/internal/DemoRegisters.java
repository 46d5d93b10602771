package io.infodesk.reporting.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Unit;
import io.infodesk.reporting.ConcealedKind;
import io.infodesk.reporting.concealed.ConcealedReportForm;
import io.infodesk.reporting.concealed.ConcealedReports;
import io.infodesk.reporting.material.MaterialForm;
import io.infodesk.reporting.material.MaterialKind;
import io.infodesk.reporting.material.Materials;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.time.DemoTime;
import io.infodesk.shared.time.TimeConfiguration;

/**
 * The demo's two registers beside the items (profile {@code demo}, called by {@link DemoReporting} after the year):
 * the material library (素材库) gets a clipping most months — newspapers, web pages, work reports and speeches the
 * publicists draw on — and the 瞒报漏报 register four records of the year (three missed, one concealed). No record is
 * withdrawn in the demo: the deduction (ReportConcealed) and its cancellation (ReportConcealedWithdrawn) are handled
 * by asynchronous listeners, and a withdrawal written a moment after its record could be applied before the
 * deduction, leaving the ledger unlike the recomputation (DemoYearTests). Every record goes through its service as the office or a publicist at its own past instant
 * ({@link DemoTime}), so the audit trail and the assessment's deductions are those of real use. Only what lies
 * before now is written; the records are left out of the indexing plan like the year's (DemoReporting indexes once).
 */
@Component
@Profile("demo")
class DemoRegisters {

	private static final Logger log = LoggerFactory.getLogger(DemoRegisters.class);

	/** Month, day, kind, title, source, tags, text of a clipping. */
	private record Clipping(int month, int day, MaterialKind kind, String title, String source, String tags,
			String text) {
	}

	private static final List<Clipping> CLIPPINGS = List.of(
			new Clipping(1, 12, MaterialKind.REPORT, "区政府工作报告（住房和城乡建设部分摘录）", "区人民政府", "政府工作报告，年度任务",
					"今年将新开工改造老旧小区，持续推进加装电梯、物业管理全覆盖和保障性租赁住房筹集。\n"
							+ "深化建筑工地安全生产和扬尘治理，稳妥推进保交楼工作。"),
			new Clipping(2, 20, MaterialKind.SPEECH, "局长在全区住房城乡建设工作会议上的讲话（摘要）", "张建国局长", "领导讲话，工作会议",
					"全年工作要坚持民生导向，把老旧小区改造、物业服务提升和住房保障作为重点。\n"
							+ "各科室、各单位要及时报送工作动态，做到重要情况第一时间报告。"),
			new Clipping(3, 18, MaterialKind.NEWSPAPER, "全省城镇老旧小区改造工作推进会召开", "新华日报", "老旧小区改造，上级部署",
					"会议要求各地加快改造进度，统筹推进加装电梯、停车设施和养老托育等配套建设。"),
			new Clipping(4, 9, MaterialKind.WEB, "住房城乡建设部部署开展建筑施工安全专项整治", "住房城乡建设部网站", "安全生产，上级部署",
					"通知要求聚焦深基坑、高支模、起重机械等危大工程，全面排查整治事故隐患。"),
			new Clipping(5, 14, MaterialKind.NEWSPAPER, "我市探索物业服务“红色物业”新模式", "常州日报", "红色物业，物业管理",
					"社区党组织牵头，业委会、物业服务企业共同参与，小区治理难题得到有效化解。"),
			new Clipping(6, 10, MaterialKind.REPORT, "上半年全区住房保障工作情况汇报", "住房保障科", "住房保障，半年总结",
					"上半年筹集保障性租赁住房房源、发放租赁补贴，公租房申请实现线上办理。"),
			new Clipping(7, 8, MaterialKind.WEB, "防汛防台期间在建工地安全提示", "市住房和城乡建设局网站", "防汛，安全生产",
					"强降雨期间各在建工地要落实停工避险措施，加强深基坑、临时设施和塔吊巡查。"),
			new Clipping(8, 26, MaterialKind.NEWSPAPER, "既有住宅加装电梯跑出“加速度”", "中国建设报", "加装电梯，民生实事",
					"推行“一梯一策”，简化审批流程，群众“上下楼难”问题加快解决。"),
			new Clipping(9, 16, MaterialKind.SPEECH, "分管副局长在物业管理工作推进会上的讲话（摘要）", "李明华副局长", "领导讲话，物业管理",
					"要把物业服务质量提升作为民生实事，推动物业服务企业信用评价结果运用。"),
			new Clipping(10, 21, MaterialKind.WEB, "国务院办公厅关于城市更新行动的政策解读", "中国政府网", "城市更新，政策变化",
					"城市更新要坚持留改拆并举，统筹完善基础设施、公共服务和居住环境。"),
			new Clipping(11, 12, MaterialKind.OTHER, "群众来信来访反映的物业服务问题汇总（三季度）", "办公室信访组", "日常信访，物业管理",
					"三季度来信来访集中反映物业收费公示、电梯维保和小区环境卫生等问题。"));

	/** Month, day, unit, kind, subject, reason of a record of the 瞒报漏报 register (recorded a few days later). */
	private record Omission(int month, int day, String unit, ConcealedKind kind, String subject, String reason) {
	}

	private static final List<Omission> OMISSIONS = List.of(
			new Omission(3, 17, "质量安全监督站", ConcealedKind.OMITTED, "某在建工地脚手架局部坍塌（无人员伤亡）未报送当日信息",
					"事发当日未按规定报送紧急信息，次日经区应急管理局通报后发现。"),
			new Omission(6, 23, "房产交易管理中心", ConcealedKind.CONCEALED, "交易大厅系统故障致群众集中投诉，未如实报告",
					"情况报告中未反映群众集中投诉和网络舆情，经 12345 热线工单核实。"),
			new Omission(8, 5, "城建科", ConcealedKind.OMITTED, "暴雨致某老旧小区改造工地围挡倒塌未报",
					"事发当日未见书面报告，经街道反映发现。"),
			new Omission(9, 11, "村镇建设科", ConcealedKind.OMITTED, "强降雨致某村危房局部倒塌（已提前转移住户）未报",
					"事发后未报送当日信息，经街道上报的灾情统计发现。"));

	private final Materials materials;

	private final ConcealedReports concealed;

	private final Organization organization;

	private final TransactionTemplate transactions;

	private final EntityManager entityManager;

	private final Clock clock;

	DemoRegisters(Materials materials, ConcealedReports concealed, Organization organization,
			PlatformTransactionManager transactionManager, EntityManager entityManager, Clock clock) {
		this.materials = materials;
		this.concealed = concealed;
		this.organization = organization;
		this.transactions = new TransactionTemplate(transactionManager);
		this.entityManager = entityManager;
		this.clock = clock;
	}

	/** Writes the clippings and the register's records of this year that lie before now. */
	void write(AuthenticatedUser office, AuthenticatedUser publicist) {
		Instant now = Instant.now(clock);
		int year = LocalDate.ofInstant(now, TimeConfiguration.ZONE).getYear();
		int clippings = 0;
		for (Clipping clipping : CLIPPINGS) {
			Instant at = at(year, clipping.month(), clipping.day(), 10);
			if (at.isAfter(now)) {
				continue;
			}
			// the office clips the bureau's own documents, the publicist what the papers and sites wrote
			AuthenticatedUser actor = clipping.kind() == MaterialKind.NEWSPAPER || clipping.kind() == MaterialKind.WEB
					? publicist : office;
			LocalDate published = LocalDate.of(year, clipping.month(), clipping.day()).minusDays(1);
			inTransaction(at, actor, () -> materials.create(new MaterialForm(clipping.kind(), clipping.title(),
					clipping.source(), null, published, clipping.tags(), clipping.text()), null, actor));
			clippings++;
		}
		int records = 0;
		for (Omission omission : OMISSIONS) {
			Optional<Unit> unit = organization.activeUnits()
				.stream()
				.filter(candidate -> candidate.getName().equals(omission.unit()))
				.findFirst();
			LocalDate on = LocalDate.of(year, omission.month(), omission.day());
			Instant recorded = at(year, omission.month(), omission.day(), 15).plus(java.time.Duration.ofDays(2));
			if (unit.isEmpty() || recorded.isAfter(now)) {
				continue;
			}
			inTransaction(recorded, office, () -> concealed.record(new ConcealedReportForm(
					unit.get().getId(), omission.kind(), on, omission.subject(), omission.reason()), office));
			records++;
		}
		log.info("Demo registers written: {} clippings in the material library, {} records of missed or concealed reports",
				clippings, records);
	}

	private <T> T inTransaction(Instant at, AuthenticatedUser actor, java.util.function.Supplier<T> action) {
		return DemoTime.at(at, () -> transactions.execute(status -> {
			DemoYear.withoutIndexing(entityManager);
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, actor.getAuthorities()));
			return action.get();
		}));
	}

	/** A workday's hour of the year (a weekend day moves to the Monday after). */
	private static Instant at(int year, int month, int day, int hour) {
		LocalDate date = YearMonth.of(year, month).atDay(Math.min(day, YearMonth.of(year, month).lengthOfMonth()));
		while (date.getDayOfWeek().getValue() > 5) {
			date = date.plusDays(1);
		}
		return date.atTime(hour, 0).atZone(TimeConfiguration.ZONE).toInstant();
	}

}
