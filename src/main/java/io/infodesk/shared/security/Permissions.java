package io.infodesk.shared.security;

/**
 * The permission strings checked in controllers ({@code @PreAuthorize("hasAuthority('org:view')")})
 * and templates ({@code me.can('org:edit')}). Which role holds which is decided in the account module.
 */
public final class Permissions {

	public static final String DASHBOARD_VIEW = "dashboard:view";

	public static final String ORG_VIEW = "org:view";

	public static final String ORG_UNIT_EDIT = "org:unit:edit";

	public static final String ORG_PERSON_EDIT = "org:person:edit";

	public static final String ORG_PERSON_IMPORT = "org:person:import";

	public static final String ORG_LEADER_EDIT = "org:leader:edit";

	public static final String ORG_PUBLICIST_EDIT = "org:publicist:edit";

	public static final String ACCOUNT_USER_MANAGE = "account:user:manage";

	public static final String AUDIT_VIEW = "audit:view";

	public static final String AUDIT_VERIFY = "audit:verify";

	public static final String NOTIFICATION_CHANNEL_MANAGE = "notification:channel:manage";

	/** reporting: see the information items of the units in scope (and those one wrote). */
	public static final String REPORTING_VIEW = "reporting:view";

	/** reporting: draft information items, revise returned ones, record verifications. */
	public static final String REPORTING_DRAFT = "reporting:draft";

	/** reporting: take steps of the review chain (who acts at which step is decided per step and unit). */
	public static final String REPORTING_REVIEW = "reporting:review";

	/** reporting: record submissions of signed-off items to the bodies above (报送). */
	public static final String REPORTING_SUBMIT = "reporting:submit";

	/** reporting: record adoptions (采用), leader instructions (批示) with their feedback, and missed or concealed reports (漏报 / 瞒报). */
	public static final String REPORTING_ADOPT = "reporting:adopt";

	/** reporting: register and edit solicitations (约稿) from the bodies the bureau reports to. */
	public static final String REPORTING_SOLICITATION_MANAGE = "reporting:solicitation:manage";

	/** reporting: curate the material library (素材库): edit and delete every clipping, not only one's own. */
	public static final String REPORTING_MATERIAL_MANAGE = "reporting:material:manage";

	/** reporting: compile, edit, send for sign-off and issue bulletins (简报); manage the periodicals. */
	public static final String REPORTING_BULLETIN = "reporting:bulletin";

	/** reporting: read bulletins, their preview and the archived DOCX. */
	public static final String REPORTING_BULLETIN_VIEW = "reporting:bulletin:view";

	/** reporting: configure review chains per unit and the directory of bodies (区委办, 市住建局 …). */
	public static final String REPORTING_SETTINGS = "reporting:settings";

	/** assessment: rankings, scores and their entries, 通报 (units outside the data scope only as ranking lines). */
	public static final String ASSESSMENT_VIEW = "assessment:view";

	/** assessment: edit rules, targets and grade bands, propose adjustments, recompute, close months, 通报. */
	public static final String ASSESSMENT_MANAGE = "assessment:manage";

	/** assessment: approve or reject manual adjustments (加分 / 扣分). */
	public static final String ASSESSMENT_APPROVE = "assessment:approve";

	/** monitoring: matched items, clusters, sources' health, the match API (public media: no unit scope). */
	public static final String MONITORING_VIEW = "monitoring:view";

	/** monitoring: edit keyword schemes and level thresholds, mark items 有效 / 误报. */
	public static final String MONITORING_MANAGE = "monitoring:manage";

	/** monitoring: add, edit, test and fetch sources (feeds, list pages), allow internal addresses. */
	public static final String MONITORING_SOURCE_MANAGE = "monitoring:source:manage";

	/** research: see competitions and their published results, submit one's papers, judge where appointed. */
	public static final String RESEARCH_VIEW = "research:view";

	/** research: open competitions, appoint judges, exclude papers, propose, confirm and publish awards. */
	public static final String RESEARCH_MANAGE = "research:manage";
	/** publicity: the coverage register, the media directory (without contacts), plans of the scope, the calendar. */
	public static final String PUBLICITY_VIEW = "publicity:view";

	/** publicity: record coverage (见报、播出) crediting people of the data scope. */
	public static final String PUBLICITY_COVERAGE_RECORD = "publicity:coverage:record";

	/** publicity: keep the media directory (outlets and their contacts). */
	public static final String PUBLICITY_MEDIA_MANAGE = "publicity:media:manage";

	/** publicity: see the outlets' contacts (the office and leaders). */
	public static final String PUBLICITY_MEDIA_CONTACTS = "publicity:media:contacts";

	/** publicity: draft and amend the own unit's annual publicity plan (年度宣传要点计划). */
	public static final String PUBLICITY_PLAN_EDIT = "publicity:plan:edit";

	/** publicity: submit the unit's annual plan to 组织人事科 (the unit head). */
	public static final String PUBLICITY_PLAN_SUBMIT = "publicity:plan:submit";

	/** publicity: file (备案) or return annual plans, set the filing deadline (组织人事科). */
	public static final String PUBLICITY_PLAN_FILE = "publicity:plan:file";

	/** publicity: keep the publicity calendar's list of holidays and themed days, enter bureau events (the office). */
	public static final String PUBLICITY_CALENDAR_MANAGE = "publicity:calendar:manage";

	/** publicity: plan major news topics with the media (选题策划), assign coverage, record planning meetings. */
	public static final String PUBLICITY_TOPIC_MANAGE = "publicity:topic:manage";
	/** xuexi: the 学习强国 figures, the roster and the 通报 of the units in scope. */
	public static final String XUEXI_VIEW = "xuexi:view";

	/** xuexi: keep the roster, import the platform's reports, match members, edit the 通报 wording. */
	public static final String XUEXI_MANAGE = "xuexi:manage";

	/** xuexi: draft the unit's platform articles, record their submission and adoption, record learning activities. */
	public static final String XUEXI_CONTRIBUTE = "xuexi:contribute";

	/** training: sessions, attendance of the units in scope, publicist profiles, units that missed training. */
	public static final String TRAINING_VIEW = "training:view";

	/** training: record sessions with the people invited and their attendance. */
	public static final String TRAINING_MANAGE = "training:manage";

	/** account (issue 17): the security settings (second-factor roles, concurrent sessions), reset a user's factor. */
	public static final String ACCOUNT_SECURITY_MANAGE = "account:security:manage";

	/** monitoring: report a clue of major information to the office (S3.5-a: anyone), see one's own clues. */
	public static final String MONITORING_CLUE_REPORT = "monitoring:clue:report";

	/** monitoring: see and log actions on the opinion cases assigned to a unit in the data scope (S3.6-a). */
	public static final String MONITORING_CASE_HANDLE = "monitoring:case:handle";

	private Permissions() {
	}

}
