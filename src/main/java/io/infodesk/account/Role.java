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
			REPORTING_SETTINGS),
	/** 局领导 */
	BUREAU_LEADER(ScopeRule.ALL, DASHBOARD_VIEW, ORG_VIEW, REPORTING_VIEW, REPORTING_REVIEW, REPORTING_BULLETIN_VIEW,
			ASSESSMENT_VIEW, ASSESSMENT_APPROVE, XUEXI_VIEW),
	/** 分管领导 */
	LEADER_IN_CHARGE(ScopeRule.UNITS_IN_CHARGE, DASHBOARD_VIEW, ORG_VIEW, REPORTING_VIEW, REPORTING_REVIEW,
			REPORTING_BULLETIN_VIEW, ASSESSMENT_VIEW, ASSESSMENT_APPROVE, XUEXI_VIEW),
	/** 办公室信息编辑 */
	OFFICE_EDITOR(ScopeRule.ALL, DASHBOARD_VIEW, ORG_VIEW, ORG_PUBLICIST_EDIT, REPORTING_VIEW, REPORTING_DRAFT,
			REPORTING_REVIEW, REPORTING_SETTINGS, REPORTING_SOLICITATION_MANAGE, REPORTING_SUBMIT, REPORTING_ADOPT,
			REPORTING_MATERIAL_MANAGE, REPORTING_BULLETIN, REPORTING_BULLETIN_VIEW, ASSESSMENT_VIEW, ASSESSMENT_MANAGE),
	/** 组织人事科 */
	PERSONNEL(ScopeRule.ALL, DASHBOARD_VIEW, ORG_VIEW, ORG_UNIT_EDIT, ORG_PERSON_EDIT, ORG_PERSON_IMPORT,
			ORG_LEADER_EDIT, ORG_PUBLICIST_EDIT, XUEXI_VIEW, XUEXI_MANAGE),
	/** 科室单位负责人 */
	UNIT_HEAD(ScopeRule.OWN_UNIT, DASHBOARD_VIEW, ORG_VIEW, REPORTING_VIEW, REPORTING_DRAFT, REPORTING_REVIEW,
			ASSESSMENT_VIEW, XUEXI_VIEW),
	/** 信息宣传员 */
	PUBLICIST(ScopeRule.OWN_UNIT, DASHBOARD_VIEW, ORG_VIEW, REPORTING_VIEW, REPORTING_DRAFT, ASSESSMENT_VIEW),
	/** 普通干部 */
	STAFF(ScopeRule.OWN_UNIT, DASHBOARD_VIEW, ORG_VIEW, REPORTING_VIEW, ASSESSMENT_VIEW);

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
