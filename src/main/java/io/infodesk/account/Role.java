package io.infodesk.account;

import static io.infodesk.shared.security.Permissions.*;

import java.util.Set;

/**
 * The roles one person may hold (several at once), each with its permission strings and its data
 * scope rule. Labels are message keys {@code role.<NAME>}.
 */
public enum Role {

	/** 系统管理员 */
	ADMIN(ScopeRule.ALL, DASHBOARD_VIEW, ORG_VIEW, ORG_UNIT_EDIT, ORG_PERSON_EDIT, ORG_PERSON_IMPORT, ORG_LEADER_EDIT,
			ORG_PUBLICIST_EDIT, ACCOUNT_USER_MANAGE, AUDIT_VIEW, AUDIT_VERIFY, NOTIFICATION_CHANNEL_MANAGE,
			REPORTING_SETTINGS, MONITORING_VIEW, MONITORING_SOURCE_MANAGE),
	/** 局领导 */
	BUREAU_LEADER(ScopeRule.ALL, DASHBOARD_VIEW, ORG_VIEW, REPORTING_VIEW, REPORTING_REVIEW, REPORTING_BULLETIN_VIEW,
			ASSESSMENT_VIEW, ASSESSMENT_APPROVE, MONITORING_VIEW, RESEARCH_VIEW, PUBLICITY_VIEW,
			PUBLICITY_MEDIA_CONTACTS, XUEXI_VIEW, TRAINING_VIEW),
	/** 分管领导 */
	LEADER_IN_CHARGE(ScopeRule.UNITS_IN_CHARGE, DASHBOARD_VIEW, ORG_VIEW, REPORTING_VIEW, REPORTING_REVIEW,
			REPORTING_BULLETIN_VIEW, ASSESSMENT_VIEW, ASSESSMENT_APPROVE, MONITORING_VIEW, RESEARCH_VIEW,
			PUBLICITY_VIEW, PUBLICITY_MEDIA_CONTACTS, XUEXI_VIEW, TRAINING_VIEW),
	/** 办公室信息编辑 */
	OFFICE_EDITOR(ScopeRule.ALL, DASHBOARD_VIEW, ORG_VIEW, ORG_PUBLICIST_EDIT, REPORTING_VIEW, REPORTING_DRAFT,
			REPORTING_REVIEW, REPORTING_SETTINGS, REPORTING_SOLICITATION_MANAGE, REPORTING_SUBMIT, REPORTING_ADOPT,
			REPORTING_MATERIAL_MANAGE, REPORTING_BULLETIN, REPORTING_BULLETIN_VIEW, ASSESSMENT_VIEW, ASSESSMENT_MANAGE,
			MONITORING_VIEW, MONITORING_MANAGE, MONITORING_SOURCE_MANAGE, RESEARCH_VIEW, RESEARCH_MANAGE,
			PUBLICITY_VIEW, PUBLICITY_COVERAGE_RECORD, PUBLICITY_MEDIA_MANAGE, PUBLICITY_MEDIA_CONTACTS, TRAINING_VIEW,
			TRAINING_MANAGE, PUBLICITY_CALENDAR_MANAGE, PUBLICITY_TOPIC_MANAGE),
	/** 组织人事科 */
	PERSONNEL(ScopeRule.ALL, DASHBOARD_VIEW, ORG_VIEW, ORG_UNIT_EDIT, ORG_PERSON_EDIT, ORG_PERSON_IMPORT,
			ORG_LEADER_EDIT, ORG_PUBLICIST_EDIT, RESEARCH_VIEW, PUBLICITY_VIEW, PUBLICITY_PLAN_FILE, XUEXI_VIEW,
			XUEXI_MANAGE, TRAINING_VIEW, TRAINING_MANAGE),
	/** 科室单位负责人 */
	UNIT_HEAD(ScopeRule.OWN_UNIT, DASHBOARD_VIEW, ORG_VIEW, REPORTING_VIEW, REPORTING_DRAFT, REPORTING_REVIEW,
			ASSESSMENT_VIEW, RESEARCH_VIEW, PUBLICITY_VIEW, PUBLICITY_COVERAGE_RECORD, PUBLICITY_PLAN_EDIT,
			PUBLICITY_PLAN_SUBMIT, XUEXI_VIEW, TRAINING_VIEW),
	/** 信息宣传员 */
	PUBLICIST(ScopeRule.OWN_UNIT, DASHBOARD_VIEW, ORG_VIEW, REPORTING_VIEW, REPORTING_DRAFT, ASSESSMENT_VIEW,
			RESEARCH_VIEW, PUBLICITY_VIEW, PUBLICITY_COVERAGE_RECORD, PUBLICITY_PLAN_EDIT, TRAINING_VIEW),
	/** 普通干部 */
	STAFF(ScopeRule.OWN_UNIT, DASHBOARD_VIEW, ORG_VIEW, REPORTING_VIEW, ASSESSMENT_VIEW, RESEARCH_VIEW, PUBLICITY_VIEW,
			TRAINING_VIEW),
	/** 安全管理员 (三员分立, issue 17): accounts, roles, second factors, sessions, security settings. */
	SECURITY_ADMIN(ScopeRule.ALL, DASHBOARD_VIEW, ORG_VIEW, ACCOUNT_USER_MANAGE, ACCOUNT_SECURITY_MANAGE),
	/** 审计管理员 (三员分立, issue 17): reads and verifies the audit trail. */
	AUDIT_ADMIN(ScopeRule.ALL, DASHBOARD_VIEW, AUDIT_VIEW, AUDIT_VERIFY);

	/**
	 * The three administrators of GB/T 22239 level 3 (三员分立): one account holds at most one of them. With
	 * {@code infodesk.security.separate-administrators} (on outside the demo and test profiles) the system
	 * administrator's permissions of the other two ({@link #SEPARATED_FROM_ADMIN}) are withheld at login.
	 */
	public static final java.util.Set<Role> ADMINISTRATORS = java.util.EnumSet.of(Role.ADMIN, Role.SECURITY_ADMIN,
			Role.AUDIT_ADMIN);

	/** What the system administrator does not hold while the administrators are separated. */
	public static final java.util.Set<String> SEPARATED_FROM_ADMIN = java.util.Set.of(ACCOUNT_USER_MANAGE, AUDIT_VIEW,
			AUDIT_VERIFY);

	/** How far a role's view reaches: all units, the units a leader is in charge of, or the own unit. */
	public enum ScopeRule {

		ALL, UNITS_IN_CHARGE, OWN_UNIT

	}

	private final ScopeRule scopeRule;

	private final Set<String> permissions;

	Role(ScopeRule scopeRule, String... permissions) {
		this.scopeRule = scopeRule;
		this.permissions = Set.of(permissions);
	}

	public ScopeRule scopeRule() {
		return scopeRule;
	}

	public Set<String> permissions() {
		return permissions;
	}

}
