package io.infodesk.assessment.web;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.security.Permissions;

/**
 * Who sees which scores (docs/assessment.md "Who sees what"): the office and the leaders (bureau leaders and
 * leaders in charge) see every unit's and person's entries; everyone else the ranking table of units (the 通报
 * is sent to every unit anyway) but the entries, people and drill-down of their own scope only.
 */
@Component("assessmentAccess")
class AssessmentAccess {

	private final DataScopes dataScopes;

	AssessmentAccess(DataScopes dataScopes) {
		this.dataScopes = dataScopes;
	}

	DataScope scope() {
		AuthenticatedUser me = CurrentUser.require();
		if (me.can(Permissions.ASSESSMENT_MANAGE) || me.can(Permissions.ASSESSMENT_APPROVE)) {
			return DataScope.all();
		}
		return dataScopes.current();
	}

	public boolean seesAll() {
		return scope() instanceof DataScope.All;
	}

	public boolean sees(Long unitId) {
		return scope().includes(unitId);
	}

	void check(Long unitId) {
		if (!sees(unitId)) {
			throw new AccessDeniedException("assessment scope");
		}
	}

}
