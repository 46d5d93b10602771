package io.infodesk.security;

import static io.infodesk.shared.security.Permissions.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.account.Role;
import io.infodesk.account.UserAccount;
import io.infodesk.account.internal.UserAccountRepository;
import io.infodesk.organization.LeaderAssignment;
import io.infodesk.organization.Person;
import io.infodesk.organization.PublicistDesignation;
import io.infodesk.organization.Unit;
import io.infodesk.organization.UnitType;
import io.infodesk.organization.internal.LeaderAssignmentRepository;
import io.infodesk.organization.internal.PersonRepository;
import io.infodesk.organization.internal.PublicistDesignationRepository;
import io.infodesk.organization.internal.UnitRepository;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.support.Endpoints;
import io.infodesk.support.Endpoints.Endpoint;
import io.infodesk.support.TestUsers;

/**
 * Deny by default, proven on every endpoint (issue 2, point 5; GB/T 22239 access control): an anonymous
 * request is refused, and each of the eight roles reaches exactly the endpoints its permissions allow and gets
 * 403 elsewhere. {@link #ACCESS} is the reviewed table of who may call what; the test fails when a controller
 * maps an endpoint the table does not list (add it consciously) and when a listed endpoint disappears.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
@Transactional
class SecurityMatrixTests {

	/** Anyone, logged in or not. */
	static final String PUBLIC = "public";

	/**
	 * Public endpoints whose credential is a secret in the URL (the publicity calendar's feed): the fixture's made-up
	 * token is refused by the handler itself with 401 — the handler ran, no login page, no crash.
	 */
	static final Set<String> TOKEN_IN_URL = Set.of("GET /feeds/publicity/{token}.ics");

	/** Any logged-in user, whatever the role. */
	static final String AUTHENTICATED = "authenticated";

	/**
	 * The reviewed access table: "METHOD pattern" → required permission (a {@code Permissions} constant),
	 * {@link #AUTHENTICATED} or {@link #PUBLIC}; "a|b" means either permission. Keep it in the order of the menu.
	 */
	static final Map<String, String> ACCESS = table(
			// account: login page (POST /login and /logout are Spring Security filters, not controllers)
			"GET /login", PUBLIC,
			// account: every user changes their own password (forced after an initial or reset password)
			"GET /account/password", AUTHENTICATED,
			"POST /account/password", AUTHENTICATED,
			// dashboard
			"GET /", DASHBOARD_VIEW,
			// notification: every user's own inbox and bell
			"GET /notifications", AUTHENTICATED,
			"GET /notifications/bell", AUTHENTICATED,
			"POST /notifications/{id}/read", AUTHENTICATED,
			"POST /notifications/{id}/open", AUTHENTICATED,
			"POST /notifications/read-all", AUTHENTICATED,
			"GET /notifications/preferences", AUTHENTICATED,
			"POST /notifications/preferences", AUTHENTICATED,
			// organization: units
			"GET /org/units", ORG_VIEW,
			"GET /org/units/export", ORG_VIEW,
			"GET /org/units/new", ORG_UNIT_EDIT,
			"POST /org/units/new", ORG_UNIT_EDIT,
			"GET /org/units/{unitId}/edit", ORG_UNIT_EDIT,
			"POST /org/units/{unitId}/edit", ORG_UNIT_EDIT,
			"POST /org/units/{unitId}/deactivate", ORG_UNIT_EDIT,
			"POST /org/units/{unitId}/activate", ORG_UNIT_EDIT,
			// organization: people and their import
			"GET /org/people", ORG_VIEW,
			"GET /org/people/export", ORG_VIEW,
			"GET /org/people/new", ORG_PERSON_EDIT,
			"POST /org/people/new", ORG_PERSON_EDIT,
			"GET /org/people/{personId}/edit", ORG_PERSON_EDIT,
			"POST /org/people/{personId}/edit", ORG_PERSON_EDIT,
			"POST /org/people/{personId}/deactivate", ORG_PERSON_EDIT,
			"POST /org/people/{personId}/activate", ORG_PERSON_EDIT,
			"GET /org/people/import", ORG_PERSON_IMPORT,
			"GET /org/people/import/template", ORG_PERSON_IMPORT,
			"POST /org/people/import", ORG_PERSON_IMPORT,
			// organization: leaders in charge
			"GET /org/leaders", ORG_VIEW,
			"GET /org/leaders/export", ORG_VIEW,
			"GET /org/leaders/new", ORG_LEADER_EDIT,
			"POST /org/leaders/new", ORG_LEADER_EDIT,
			"POST /org/leaders/{assignmentId}/end", ORG_LEADER_EDIT,
			// organization: information publicists
			"GET /org/publicists", ORG_VIEW,
			"GET /org/publicists/export", ORG_VIEW,
			"GET /org/publicists/new", ORG_PUBLICIST_EDIT,
			"POST /org/publicists/new", ORG_PUBLICIST_EDIT,
			"POST /org/publicists/{designationId}/end", ORG_PUBLICIST_EDIT,
			// organization: leadership chart
			"GET /org/chart", ORG_VIEW,
			"GET /org/chart/data", ORG_VIEW,
			// reporting: the personal work inbox (everyone has one)
			"GET /inbox", AUTHENTICATED,
			"GET /inbox/count", AUTHENTICATED,
			"POST /inbox/notices/{noticeId}/done", AUTHENTICATED,
			// reporting: information items (edit and verification: the service decides between the drafter of a
			// draft and the reviewer of the current step)
			"GET /reporting/items", REPORTING_VIEW,
			"GET /reporting/items/export", REPORTING_VIEW,
			"GET /reporting/items/new", REPORTING_DRAFT,
			"POST /reporting/items/new", REPORTING_DRAFT,
			"GET /reporting/items/{itemId}", REPORTING_VIEW,
			"GET /reporting/items/{itemId}/edit", REPORTING_VIEW,
			"POST /reporting/items/{itemId}/edit", REPORTING_VIEW,
			"POST /reporting/items/{itemId}/verifications", REPORTING_VIEW,
			"POST /reporting/items/{itemId}/discard", REPORTING_DRAFT,
			"GET /reporting/items/{itemId}/diff", REPORTING_VIEW,
			// reporting: the review chain on an item
			"POST /reporting/items/{itemId}/submit", REPORTING_DRAFT,
			"POST /reporting/items/{itemId}/approve", REPORTING_REVIEW,
			"POST /reporting/items/{itemId}/return", REPORTING_REVIEW,
			// reporting: what the office records after sign-off (submission, adoption, instruction and feedback)
			"POST /reporting/items/{itemId}/submissions", REPORTING_SUBMIT,
			"POST /reporting/items/{itemId}/adoptions", REPORTING_ADOPT,
			"POST /reporting/items/{itemId}/instructions", REPORTING_ADOPT,
			"POST /reporting/items/{itemId}/instructions/{instructionId}/feedback", REPORTING_ADOPT,
			// reporting: registers of adoptions and instructions across items
			"GET /reporting/adoptions", REPORTING_VIEW,
			"GET /reporting/adoptions/export", REPORTING_VIEW,
			"GET /reporting/instructions", REPORTING_VIEW,
			"GET /reporting/instructions/export", REPORTING_VIEW,
			// reporting: attachments of items (the service decides: whoever may edit the item now) and their download
			// (whoever may see the record: item in scope or authored, adoption's item, material)
			"POST /reporting/items/{itemId}/attachments", REPORTING_VIEW,
			"GET /reporting/attachments/{attachmentId}", REPORTING_VIEW,
			"POST /reporting/attachments/{attachmentId}/remove", REPORTING_VIEW,
			// the office adds an evidence file to an adoption recorded earlier
			"POST /reporting/adoptions/{adoptionId}/evidence", REPORTING_ADOPT,
			// reporting: the material library (bureau-wide reading; drafting roles add and edit their own, the office
			// all) and linking materials to items (whoever may edit the item now)
			"GET /reporting/materials", REPORTING_VIEW,
			"GET /reporting/materials/export", REPORTING_VIEW,
			"GET /reporting/materials/new", REPORTING_DRAFT,
			"POST /reporting/materials/new", REPORTING_DRAFT,
			"GET /reporting/materials/{materialId}", REPORTING_VIEW,
			"GET /reporting/materials/{materialId}/edit", REPORTING_DRAFT,
			"POST /reporting/materials/{materialId}/edit", REPORTING_DRAFT,
			"POST /reporting/materials/{materialId}/delete", REPORTING_DRAFT,
			"GET /reporting/materials/pick", REPORTING_VIEW,
			"POST /reporting/items/{itemId}/materials", REPORTING_VIEW,
			"POST /reporting/items/{itemId}/materials/{materialId}/unlink", REPORTING_VIEW,
			// reporting: full-text search within the data scope; rebuilding the index (office, administrator)
			"GET /reporting/search", REPORTING_VIEW,
			"POST /reporting/search/rebuild", REPORTING_SETTINGS,
			// reporting: solicitations
			"GET /reporting/solicitations", REPORTING_VIEW,
			"GET /reporting/solicitations/export", REPORTING_VIEW,
			"GET /reporting/solicitations/new", REPORTING_SOLICITATION_MANAGE,
			"POST /reporting/solicitations/new", REPORTING_SOLICITATION_MANAGE,
			"GET /reporting/solicitations/{solicitationId}", REPORTING_VIEW,
			"GET /reporting/solicitations/{solicitationId}/edit", REPORTING_SOLICITATION_MANAGE,
			"POST /reporting/solicitations/{solicitationId}/edit", REPORTING_SOLICITATION_MANAGE,
			// reporting: the office's register of missed and concealed reports (漏报 / 瞒报)
			"GET /reporting/concealed", REPORTING_VIEW,
			"GET /reporting/concealed/export", REPORTING_VIEW,
			"GET /reporting/concealed/new", REPORTING_ADOPT,
			"POST /reporting/concealed/new", REPORTING_ADOPT,
			"GET /reporting/concealed/{id}/withdraw", REPORTING_ADOPT,
			"POST /reporting/concealed/{id}/withdraw", REPORTING_ADOPT,
			// reporting: the REST API (session-less HTTP Basic, JSON; same permissions as the pages)
			"GET /api/items", REPORTING_VIEW,
			"POST /api/items", REPORTING_DRAFT,
			"GET /api/items/{itemId}", REPORTING_VIEW,
			"POST /api/items/{itemId}/submit", REPORTING_DRAFT,
			"POST /api/items/{itemId}/approve", REPORTING_REVIEW,
			"POST /api/items/{itemId}/return", REPORTING_REVIEW,
			"POST /api/items/{itemId}/submissions", REPORTING_SUBMIT,
			"POST /api/items/{itemId}/adoptions", REPORTING_ADOPT,
			"GET /api/adoptions", REPORTING_VIEW,
			"GET /api/solicitations", REPORTING_VIEW,
			"POST /api/solicitations", REPORTING_SOLICITATION_MANAGE,
			"GET /api/solicitations/{solicitationId}", REPORTING_VIEW,
			// organisation, assessment and notifications over the REST API (issue 11 point 3), read only
			"GET /api/org/units", ORG_VIEW,
			"GET /api/org/units/{unitId}", ORG_VIEW,
			"GET /api/org/people", ORG_VIEW,
			"GET /api/org/people/{personId}", ORG_VIEW,
			"GET /api/org/leaders", ORG_VIEW,
			"GET /api/org/publicists", ORG_VIEW,
			"GET /api/assessment/rankings/units", ASSESSMENT_VIEW,
			"GET /api/assessment/rankings/people", ASSESSMENT_VIEW,
			"GET /api/assessment/units/{unitId}/entries", ASSESSMENT_VIEW,
			"GET /api/assessment/people/{personId}/entries", ASSESSMENT_VIEW,
			"GET /api/assessment/circulars", ASSESSMENT_VIEW,
			"GET /api/assessment/circulars/{circularId}/docx", ASSESSMENT_VIEW,
			"GET /api/assessment/circulars/{circularId}/xlsx", ASSESSMENT_VIEW,
			"GET /api/notifications", AUTHENTICATED,
			"POST /api/notifications/{notificationId}/read", AUTHENTICATED,
			"POST /api/notifications/read-all", AUTHENTICATED,
			// reporting: the same-day board (polls itself with htmx)
			"GET /reporting/urgent", REPORTING_VIEW,
			// reporting: bulletins (简报) — compiled and issued by the office, read (and signed) by leaders
			"GET /reporting/bulletins", REPORTING_BULLETIN_VIEW,
			"GET /reporting/bulletins/export", REPORTING_BULLETIN_VIEW,
			"GET /reporting/bulletins/new", REPORTING_BULLETIN,
			"POST /reporting/bulletins/new", REPORTING_BULLETIN,
			"GET /reporting/bulletins/{bulletinId}", REPORTING_BULLETIN_VIEW,
			"GET /reporting/bulletins/{bulletinId}/edit", REPORTING_BULLETIN,
			"POST /reporting/bulletins/{bulletinId}/edit", REPORTING_BULLETIN,
			"POST /reporting/bulletins/{bulletinId}/submit", REPORTING_BULLETIN,
			"POST /reporting/bulletins/{bulletinId}/approve", REPORTING_REVIEW,
			"POST /reporting/bulletins/{bulletinId}/return", REPORTING_REVIEW,
			"POST /reporting/bulletins/{bulletinId}/issue", REPORTING_BULLETIN,
			"POST /reporting/bulletins/{bulletinId}/discard", REPORTING_BULLETIN,
			"GET /reporting/bulletins/{bulletinId}/download", REPORTING_BULLETIN_VIEW,
			// reporting: periodicals (《住建信息》…) the office edits
			"GET /reporting/periodicals", REPORTING_BULLETIN,
			"GET /reporting/periodicals/new", REPORTING_BULLETIN,
			"POST /reporting/periodicals/new", REPORTING_BULLETIN,
			"GET /reporting/periodicals/{periodicalId}/edit", REPORTING_BULLETIN,
			"POST /reporting/periodicals/{periodicalId}/edit", REPORTING_BULLETIN,
			// reporting: settings (review chains, directory of bodies)
			"GET /reporting/chains", REPORTING_SETTINGS,
			"GET /reporting/chains/{unitId}/edit", REPORTING_SETTINGS,
			"POST /reporting/chains/{unitId}/edit", REPORTING_SETTINGS,
			"POST /reporting/chains/{unitId}/reset", REPORTING_SETTINGS,
			"GET /reporting/bodies", REPORTING_SETTINGS,
			"GET /reporting/bodies/new", REPORTING_SETTINGS,
			"POST /reporting/bodies/new", REPORTING_SETTINGS,
			"GET /reporting/bodies/{bodyId}/edit", REPORTING_SETTINGS,
			"POST /reporting/bodies/{bodyId}/edit", REPORTING_SETTINGS,
			"POST /reporting/bodies/{bodyId}/deactivate", REPORTING_SETTINGS,
			"POST /reporting/bodies/{bodyId}/activate", REPORTING_SETTINGS,
			// monitoring: match texts against the enabled schemes without storing (REST, JSON)
			"POST /api/monitoring/match", MONITORING_VIEW,
			// monitoring: matched items (public media, bureau-wide), the office's marks and retroactive matching
			"GET /monitoring/items", MONITORING_VIEW,
			"GET /monitoring/items/export", MONITORING_VIEW,
			"POST /monitoring/items/{itemId}/mark", MONITORING_MANAGE,
			"POST /monitoring/items/rematch", MONITORING_MANAGE,
			// monitoring: keyword schemes (read by all who watch, edited by the office) and level thresholds
			"GET /monitoring/schemes", MONITORING_VIEW,
			"GET /monitoring/schemes/export", MONITORING_VIEW,
			"GET /monitoring/schemes/new", MONITORING_MANAGE,
			"POST /monitoring/schemes/new", MONITORING_MANAGE,
			"GET /monitoring/schemes/{schemeId}/edit", MONITORING_MANAGE,
			"POST /monitoring/schemes/{schemeId}/edit", MONITORING_MANAGE,
			"POST /monitoring/levels", MONITORING_MANAGE,
			// monitoring: sources (feeds, list pages) with their health; tested, imported, exported, fetched soon
			"GET /monitoring/sources", MONITORING_VIEW,
			"GET /monitoring/sources/export", MONITORING_VIEW,
			"POST /monitoring/sources/import", MONITORING_SOURCE_MANAGE,
			"GET /monitoring/sources/new", MONITORING_SOURCE_MANAGE,
			"POST /monitoring/sources/new", MONITORING_SOURCE_MANAGE,
			"GET /monitoring/sources/{sourceId}/edit", MONITORING_SOURCE_MANAGE,
			"POST /monitoring/sources/{sourceId}/edit", MONITORING_SOURCE_MANAGE,
			"POST /monitoring/sources/test", MONITORING_SOURCE_MANAGE,
			"POST /monitoring/sources/{sourceId}/fetch", MONITORING_SOURCE_MANAGE,
			// monitoring: clues of major information — anyone reports (own and scope's seen); the office edits them
			"GET /monitoring/clues", MONITORING_CLUE_REPORT,
			"GET /monitoring/clues/export", MONITORING_CLUE_REPORT,
			"GET /monitoring/clues/new", MONITORING_CLUE_REPORT,
			"POST /monitoring/clues/new", MONITORING_CLUE_REPORT,
			"GET /monitoring/clues/{clueId}", MONITORING_CLUE_REPORT,
			"GET /monitoring/clues/{clueId}/screenshot", MONITORING_CLUE_REPORT,
			"POST /monitoring/clues/{clueId}/edit", MONITORING_MANAGE,
			"POST /monitoring/clues/{clueId}/archive", MONITORING_MANAGE,
			// monitoring: opinion cases (office opens, assigns, closes; the responsible section logs actions), commentators
			"GET /monitoring/cases", MONITORING_VIEW + "|" + MONITORING_CASE_HANDLE,
			"GET /monitoring/cases/export", MONITORING_VIEW + "|" + MONITORING_CASE_HANDLE,
			"POST /monitoring/cases/hours", MONITORING_MANAGE,
			"GET /monitoring/cases/new", MONITORING_MANAGE,
			"POST /monitoring/cases/new", MONITORING_MANAGE,
			"GET /monitoring/cases/{caseId}", MONITORING_VIEW + "|" + MONITORING_CASE_HANDLE,
			"POST /monitoring/cases/{caseId}/assign", MONITORING_MANAGE,
			"POST /monitoring/cases/{caseId}/actions", MONITORING_MANAGE + "|" + MONITORING_CASE_HANDLE,
			"POST /monitoring/cases/{caseId}/close", MONITORING_MANAGE,
			"POST /monitoring/cases/{caseId}/guidance", MONITORING_MANAGE,
			"POST /monitoring/cases/{caseId}/guidance/{taskId}/done", MONITORING_MANAGE,
			"GET /monitoring/commentators", MONITORING_VIEW,
			// monitoring: daily and weekly opinion reports (page and DOCX)
			"GET /monitoring/reports", MONITORING_VIEW,
			"GET /monitoring/reports/{period}.docx", MONITORING_VIEW,
			// monitoring: prevention mechanisms and watch lists per hot spot (names join the automaton)
			"GET /monitoring/watch", MONITORING_VIEW,
			"GET /monitoring/watch/export", MONITORING_VIEW,
			"POST /monitoring/watch/new", MONITORING_MANAGE,
			"POST /monitoring/watch/{entryId}/end", MONITORING_MANAGE,
			// assessment: rankings and the entries behind every score (data scope inside), rules (read by all, versioned
			// by the office), adjustments (office proposes, leaders decide), recomputation, targets, grades, month close
			"GET /assessment", ASSESSMENT_VIEW,
			"GET /assessment/export", ASSESSMENT_VIEW,
			"GET /assessment/entries", ASSESSMENT_VIEW,
			"GET /assessment/entries/export", ASSESSMENT_VIEW,
			// assessment: 通报 — listed and downloaded by everyone who sees the ranking (it goes to every unit),
			// previewed and issued by the office
			"GET /assessment/circulars", ASSESSMENT_VIEW,
			"GET /assessment/circulars/preview", ASSESSMENT_MANAGE,
			"POST /assessment/circulars", ASSESSMENT_MANAGE,
			"GET /assessment/circulars/{circularId}/docx", ASSESSMENT_VIEW,
			"GET /assessment/circulars/{circularId}/xlsx", ASSESSMENT_VIEW,
			"GET /assessment/rules", ASSESSMENT_VIEW,
			"GET /assessment/rules/{ruleKey}/edit", ASSESSMENT_MANAGE,
			"POST /assessment/rules/{ruleKey}/edit", ASSESSMENT_MANAGE,
			"GET /assessment/adjustments", ASSESSMENT_MANAGE + "|" + ASSESSMENT_APPROVE,
			"POST /assessment/adjustments", ASSESSMENT_MANAGE,
			"POST /assessment/adjustments/{adjustmentId}/approve", ASSESSMENT_APPROVE,
			"POST /assessment/adjustments/{adjustmentId}/reject", ASSESSMENT_APPROVE,
			"GET /assessment/recompute", ASSESSMENT_MANAGE,
			"POST /assessment/recompute", ASSESSMENT_MANAGE,
			"GET /assessment/settings", ASSESSMENT_MANAGE,
			"POST /assessment/settings/targets", ASSESSMENT_MANAGE,
			"POST /assessment/settings/grades", ASSESSMENT_MANAGE,
			"POST /assessment/settings/close-month", ASSESSMENT_MANAGE,
			// publicity: coverage register, media directory
			"GET /publicity/coverage", PUBLICITY_VIEW,
			"GET /publicity/coverage/export", PUBLICITY_VIEW,
			"GET /publicity/coverage/{id}", PUBLICITY_VIEW,
			"GET /publicity/coverage/{id}/evidence", PUBLICITY_VIEW,
			"GET /publicity/coverage/new", PUBLICITY_COVERAGE_RECORD,
			"POST /publicity/coverage/new", PUBLICITY_COVERAGE_RECORD,
			"GET /publicity/plans", PUBLICITY_VIEW,
			"GET /publicity/plans/export", PUBLICITY_VIEW,
			"POST /publicity/plans/deadline", PUBLICITY_PLAN_FILE,
			"GET /publicity/plans/{unitId}/{year}", PUBLICITY_VIEW,
			"POST /publicity/plans/{unitId}/{year}", PUBLICITY_PLAN_EDIT,
			"POST /publicity/plans/{unitId}/{year}/submit", PUBLICITY_PLAN_SUBMIT,
			"POST /publicity/plans/{unitId}/{year}/file", PUBLICITY_PLAN_FILE,
			"POST /publicity/plans/{unitId}/{year}/return", PUBLICITY_PLAN_FILE,
			"GET /publicity/plans/{unitId}/{year}/docx", PUBLICITY_VIEW,
			"GET /publicity/media", PUBLICITY_VIEW,
			"GET /publicity/media/new", PUBLICITY_MEDIA_MANAGE,
			"POST /publicity/media/new", PUBLICITY_MEDIA_MANAGE,
			"GET /publicity/media/{id}/edit", PUBLICITY_MEDIA_MANAGE,
			"POST /publicity/media/{id}/edit", PUBLICITY_MEDIA_MANAGE,
			// publicity: the calendar (S3.2-c); the feed's token is its credential
			"GET /publicity/calendar", PUBLICITY_VIEW,
			"GET /publicity/calendar/export", PUBLICITY_VIEW,
			"GET /publicity/calendar/week", PUBLICITY_VIEW,
			"GET /publicity/calendar/list", PUBLICITY_VIEW,
			"POST /publicity/calendar/events", PUBLICITY_CALENDAR_MANAGE,
			"POST /publicity/calendar/events/{id}/delete", PUBLICITY_CALENDAR_MANAGE,
			"GET /publicity/calendar/days", PUBLICITY_VIEW,
			"POST /publicity/calendar/days", PUBLICITY_CALENDAR_MANAGE,
			"POST /publicity/calendar/days/{id}", PUBLICITY_CALENDAR_MANAGE,
			"POST /publicity/calendar/feed", PUBLICITY_VIEW,
			"POST /publicity/calendar/feed/revoke", PUBLICITY_VIEW,
			"GET /feeds/publicity/{token}.ics", PUBLIC,
			// publicity: topic planning (S3.2-b) and the plans' follow-through
			"GET /publicity/topics", PUBLICITY_VIEW,
			"POST /publicity/topics", PUBLICITY_TOPIC_MANAGE,
			"GET /publicity/topics/export", PUBLICITY_VIEW,
			"GET /publicity/topics/{id}", PUBLICITY_VIEW,
			"POST /publicity/topics/{id}/edit", PUBLICITY_TOPIC_MANAGE,
			"POST /publicity/topics/{id}/status", PUBLICITY_TOPIC_MANAGE,
			"POST /publicity/topics/{id}/assignments", PUBLICITY_TOPIC_MANAGE,
			"POST /publicity/topics/{id}/assignments/{assignmentId}/fulfil", PUBLICITY_TOPIC_MANAGE,
			"POST /publicity/topics/{id}/meetings", PUBLICITY_TOPIC_MANAGE,
			"POST /publicity/plans/{unitId}/{year}/points/{position}/coverage", PUBLICITY_COVERAGE_RECORD,
			"GET /publicity/follow-through", PUBLICITY_VIEW,
			"GET /publicity/follow-through/export", PUBLICITY_VIEW,
			// publicity API (read only)
			"GET /api/publicity/plans", PUBLICITY_VIEW,
			"GET /api/publicity/plans/{unitId}/{year}", PUBLICITY_VIEW,
			"GET /api/publicity/calendar", PUBLICITY_VIEW,
			"GET /api/publicity/coverage", PUBLICITY_VIEW,
			"GET /api/publicity/coverage/{coverageId}", PUBLICITY_VIEW,
			"GET /api/publicity/topics", PUBLICITY_VIEW,
			"GET /api/publicity/topics/{topicId}", PUBLICITY_VIEW,
			// xuexi (学习强国): figures, roster and 通报 for the units in scope; roster upkeep, imports and wording by personnel
			"GET /xuexi", XUEXI_VIEW,
			"GET /xuexi/export", XUEXI_VIEW,
			"GET /xuexi/circular", XUEXI_VIEW,
			"POST /xuexi/circular/wording", XUEXI_MANAGE,
			"GET /xuexi/circular/docx", XUEXI_VIEW,
			"GET /xuexi/circular/xlsx", XUEXI_VIEW,
			"GET /xuexi/roster", XUEXI_VIEW,
			"GET /xuexi/roster/export", XUEXI_VIEW,
			"POST /xuexi/roster/enrol", XUEXI_MANAGE,
			"GET /xuexi/roster/{memberId}/edit", XUEXI_MANAGE,
			"POST /xuexi/roster/{memberId}/edit", XUEXI_MANAGE,
			"POST /xuexi/roster/unmatched/{unmatchedId}/match", XUEXI_MANAGE,
			"POST /xuexi/roster/unmatched/{unmatchedId}/ignore", XUEXI_MANAGE,
			"GET /xuexi/imports", XUEXI_MANAGE,
			"POST /xuexi/imports", XUEXI_MANAGE,
			"GET /xuexi/imports/{token}", XUEXI_MANAGE,
			"POST /xuexi/imports/{token}/preview", XUEXI_MANAGE,
			"POST /xuexi/imports/{token}", XUEXI_MANAGE,
			"GET /xuexi/imports/{token}/progress", XUEXI_MANAGE,
			"GET /xuexi/imports/samples/daily", XUEXI_MANAGE,
			"GET /xuexi/imports/samples/snapshot", XUEXI_MANAGE,
			"GET /xuexi/articles", XUEXI_VIEW + "|" + XUEXI_CONTRIBUTE,
			"GET /xuexi/articles/export", XUEXI_VIEW + "|" + XUEXI_CONTRIBUTE,
			"GET /xuexi/articles/{articleId}", XUEXI_VIEW + "|" + XUEXI_CONTRIBUTE,
			"GET /xuexi/articles/new", XUEXI_CONTRIBUTE,
			"POST /xuexi/articles/new", XUEXI_CONTRIBUTE,
			"GET /xuexi/articles/{articleId}/edit", XUEXI_CONTRIBUTE,
			"POST /xuexi/articles/{articleId}/edit", XUEXI_CONTRIBUTE,
			"POST /xuexi/articles/{articleId}/review", XUEXI_CONTRIBUTE,
			"POST /xuexi/articles/{articleId}/approve", REPORTING_REVIEW,
			"POST /xuexi/articles/{articleId}/return", REPORTING_REVIEW,
			"POST /xuexi/articles/{articleId}/submission", XUEXI_CONTRIBUTE,
			"POST /xuexi/articles/{articleId}/adoption", XUEXI_CONTRIBUTE,
			"POST /xuexi/articles/guidance", XUEXI_MANAGE,
			"GET /xuexi/quotas", XUEXI_VIEW + "|" + XUEXI_CONTRIBUTE,
			"POST /xuexi/quotas", XUEXI_MANAGE,
			"GET /xuexi/quotas/export", XUEXI_VIEW + "|" + XUEXI_CONTRIBUTE,
			"GET /xuexi/activities", XUEXI_VIEW + "|" + XUEXI_CONTRIBUTE,
			"POST /xuexi/activities", XUEXI_CONTRIBUTE,
			"GET /xuexi/activities/export", XUEXI_VIEW + "|" + XUEXI_CONTRIBUTE,
			"GET /xuexi/activities/{activityId}/files/{fileId}", XUEXI_VIEW + "|" + XUEXI_CONTRIBUTE,
			"POST /xuexi/reminders", XUEXI_MANAGE,
			"GET /api/xuexi/figures", XUEXI_VIEW,
			"GET /api/xuexi/roster", XUEXI_VIEW,
			"GET /api/xuexi/articles", XUEXI_VIEW + "|" + XUEXI_CONTRIBUTE,
			"GET /api/xuexi/articles/{articleId}", XUEXI_VIEW + "|" + XUEXI_CONTRIBUTE,
			// system: user accounts
			"GET /admin/users", ACCOUNT_USER_MANAGE,
			"GET /admin/users/export", ACCOUNT_USER_MANAGE,
			"GET /admin/users/new", ACCOUNT_USER_MANAGE,
			"POST /admin/users/new", ACCOUNT_USER_MANAGE,
			"GET /admin/users/{id}/edit", ACCOUNT_USER_MANAGE,
			"POST /admin/users/{id}/edit", ACCOUNT_USER_MANAGE,
			"POST /admin/users/{id}/reset-password", ACCOUNT_USER_MANAGE,
			"POST /admin/users/{id}/lock", ACCOUNT_USER_MANAGE,
			"POST /admin/users/{id}/unlock", ACCOUNT_USER_MANAGE,
			"POST /admin/users/{id}/disable", ACCOUNT_USER_MANAGE,
			"POST /admin/users/{id}/enable", ACCOUNT_USER_MANAGE,
			// issue 17: sessions ended by the administrator; security settings and the reset of a second factor
			"POST /admin/users/{id}/end-sessions", ACCOUNT_USER_MANAGE,
			"GET /admin/security", ACCOUNT_SECURITY_MANAGE,
			"POST /admin/security", ACCOUNT_SECURITY_MANAGE,
			"POST /admin/security/users/{id}/reset-factor", ACCOUNT_SECURITY_MANAGE,
			// issue 17: the password policy (length, classes, history, expiry)
			"POST /admin/security/password", ACCOUNT_SECURITY_MANAGE,
			// issue 17: every user — the second factor (code after the password, enrolment), own sessions, own API tokens
			"GET /login/factor", AUTHENTICATED,
			"POST /login/factor", AUTHENTICATED,
			"GET /account/factor", AUTHENTICATED,
			"POST /account/factor", AUTHENTICATED,
			"POST /account/factor/continue", AUTHENTICATED,
			"GET /account/factor/qr.png", AUTHENTICATED,
			"GET /account/sessions", AUTHENTICATED,
			"POST /account/sessions/{handle}/end", AUTHENTICATED,
			"GET /account/tokens", AUTHENTICATED,
			"POST /account/tokens", AUTHENTICATED,
			"POST /account/tokens/{id}/revoke", AUTHENTICATED,
			// system: audit trail
			"GET /admin/audit", AUDIT_VIEW,
			"GET /admin/audit/export", AUDIT_VIEW,
			"POST /admin/audit/verify", AUDIT_VERIFY,
			// system: notification channels (SMTP server, robots, webhooks)
			"GET /admin/notification-channels", NOTIFICATION_CHANNEL_MANAGE,
			"POST /admin/notification-channels/smtp", NOTIFICATION_CHANNEL_MANAGE,
			"POST /admin/notification-channels/new", NOTIFICATION_CHANNEL_MANAGE,
			"POST /admin/notification-channels/{id}/test", NOTIFICATION_CHANNEL_MANAGE,
			"POST /admin/notification-channels/{id}/delete", NOTIFICATION_CHANNEL_MANAGE,
			// research: paper competitions (the office manages; everybody submits and judges where appointed)
			"GET /research/competitions", RESEARCH_VIEW,
			"GET /research/competitions/export", RESEARCH_VIEW,
			"GET /research/competitions/new", RESEARCH_MANAGE,
			"POST /research/competitions/new", RESEARCH_MANAGE,
			"GET /research/competitions/{id}", RESEARCH_VIEW,
			"POST /research/competitions/{id}/papers", RESEARCH_VIEW,
			"POST /research/competitions/{id}/judging", RESEARCH_MANAGE,
			"POST /research/competitions/{id}/reopen", RESEARCH_MANAGE,
			"POST /research/competitions/{id}/propose", RESEARCH_MANAGE,
			"POST /research/competitions/{id}/publish", RESEARCH_MANAGE,
			"GET /research/competitions/{id}/results/export", RESEARCH_VIEW,
			"POST /research/papers/{paperId}/exclude", RESEARCH_MANAGE,
			"POST /research/papers/{paperId}/proposal", RESEARCH_MANAGE,
			"GET /research/papers/{paperId}/file", RESEARCH_VIEW,
			"GET /research/papers/{paperId}/certificate", RESEARCH_VIEW,
			"GET /research/judging", RESEARCH_VIEW,
			"GET /research/judging/papers/{paperId}", RESEARCH_VIEW,
			"POST /research/judging/papers/{paperId}", RESEARCH_VIEW,
			"GET /research/judging/papers/{paperId}/file", RESEARCH_VIEW,
			// research: topics (the office registers them and their upward use; the group works on them, checked in
			// the service), the district's annual key topics, topic analysis sessions
			"GET /research/topics", RESEARCH_VIEW,
			"GET /research/topics/export", RESEARCH_VIEW,
			"GET /research/topics/new", RESEARCH_MANAGE,
			"POST /research/topics/new", RESEARCH_MANAGE,
			"GET /research/topics/{id}", RESEARCH_VIEW,
			"GET /research/topics/{id}/edit", RESEARCH_MANAGE,
			"POST /research/topics/{id}/edit", RESEARCH_MANAGE,
			"GET /research/topics/{id}/activities/export", RESEARCH_VIEW,
			"POST /research/topics/{id}/milestones/{milestoneId}", RESEARCH_VIEW,
			"POST /research/topics/{id}/activities", RESEARCH_VIEW,
			"POST /research/topics/{id}/outputs", RESEARCH_VIEW,
			"GET /research/topics/outputs/{outputId}/file", RESEARCH_VIEW,
			"POST /research/topics/{id}/uses", RESEARCH_MANAGE,
			"GET /research/key-topics", RESEARCH_VIEW,
			"GET /research/key-topics/export", RESEARCH_VIEW,
			"POST /research/key-topics", RESEARCH_MANAGE,
			"GET /research/analyses", RESEARCH_VIEW,
			"GET /research/analyses/export", RESEARCH_VIEW,
			"GET /research/analyses/new", RESEARCH_MANAGE,
			"POST /research/analyses/new", RESEARCH_MANAGE,
			"GET /research/analyses/{id}", RESEARCH_VIEW,
			"POST /research/analyses/candidates/{candidateId}/choice", RESEARCH_MANAGE,
			// training: sessions and attendance (组织人事科 and the office record them), profiles, units that missed
			"GET /training/sessions", TRAINING_VIEW,
			"GET /training/sessions/export", TRAINING_VIEW,
			"GET /training/sessions/new", TRAINING_MANAGE,
			"POST /training/sessions/new", TRAINING_MANAGE,
			"GET /training/sessions/{id}", TRAINING_VIEW,
			"POST /training/sessions/{id}/feedback", TRAINING_VIEW,
			"POST /training/sessions/{id}/materials", TRAINING_MANAGE,
			"GET /training/sessions/{id}/materials/{materialId}", TRAINING_VIEW,
			"POST /training/people/{personId}/skills", TRAINING_VIEW,
			"POST /training/people/{personId}/skills/{area}/withdraw", TRAINING_VIEW,
			"POST /training/sessions/{id}/attendance/{personId}", TRAINING_MANAGE,
			"GET /training/missed", TRAINING_VIEW,
			"GET /training/people/{personId}", TRAINING_VIEW,
			// training: skills competitions and planning practice (the organiser enters entries and scores)
			"GET /training/competitions", TRAINING_VIEW,
			"GET /training/competitions/export", TRAINING_VIEW,
			"GET /training/competitions/new", TRAINING_MANAGE,
			"POST /training/competitions/new", TRAINING_MANAGE,
			"GET /training/competitions/{id}", TRAINING_VIEW,
			"GET /training/competitions/{id}/export", TRAINING_VIEW,
			"POST /training/competitions/{id}/entries", TRAINING_MANAGE,
			"POST /training/competitions/entries/{entryId}/scores", TRAINING_VIEW,
			"POST /training/competitions/{id}/propose", TRAINING_MANAGE,
			"POST /training/competitions/{id}/publish", TRAINING_MANAGE,
			// research and training over the REST API (read only; results only once published)
			"GET /api/research/topics", RESEARCH_VIEW,
			"GET /api/research/topics/{topicId}", RESEARCH_VIEW,
			"GET /api/research/competitions", RESEARCH_VIEW,
			"GET /api/research/competitions/{competitionId}/results", RESEARCH_VIEW,
			"GET /api/training/sessions", TRAINING_VIEW,
			"GET /api/training/people/{personId}", TRAINING_VIEW,
			"GET /api/training/competitions", TRAINING_VIEW,
			"GET /api/training/competitions/{competitionId}/results", TRAINING_VIEW);

	private static Map<String, String> table(String... keysAndAccess) {
		Map<String, String> table = new LinkedHashMap<>();
		for (int i = 0; i < keysAndAccess.length; i += 2) {
			if (table.put(keysAndAccess[i], keysAndAccess[i + 1]) != null) {
				throw new IllegalStateException("listed twice: " + keysAndAccess[i]);
			}
		}
		return table;
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	UnitRepository units;

	@Autowired
	PersonRepository people;

	@Autowired
	LeaderAssignmentRepository leaderAssignments;

	@Autowired
	PublicistDesignationRepository publicists;

	@Autowired
	UserAccountRepository accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	Clock clock;

	/** Real rows for path variables, so a handler that loads its record finds it (all rolled back). */
	Map<String, Long> fixtureIds;

	Unit unit;

	Person person;

	@BeforeEach
	void createRecordsThePathsPointTo() {
		Instant now = Instant.now(clock);
		unit = units.save(new Unit("权限测试科", UnitType.SECTION, now));
		person = people.save(new Person("权限测试人", unit.getId(), now));
		LeaderAssignment assignment = leaderAssignments
			.save(new LeaderAssignment(person.getId(), unit.getId(), LocalDate.now(clock), now));
		PublicistDesignation designation = publicists
			.save(new PublicistDesignation(unit.getId(), person.getId(), LocalDate.now(clock), now));
		UserAccount account = new UserAccount("matrix-target", "权限测试账户", passwordEncoder.encode("Demo@2026x"), now);
		account.setRoles(Set.of(Role.STAFF));
		account.setPersonId(person.getId());
		accounts.saveAndFlush(account);
		fixtureIds = new LinkedHashMap<>();
		fixtureIds.put("/org/units", unit.getId());
		fixtureIds.put("/org/people", person.getId());
		fixtureIds.put("/org/leaders", assignment.getId());
		fixtureIds.put("/org/publicists", designation.getId());
		fixtureIds.put("/admin/users", account.getId());
	}

	/** A concrete path for a pattern: {variables} become the id of a fixture row of that area, or 999999. */
	String pathFor(String pattern) {
		long id = fixtureIds.entrySet()
			.stream()
			.filter(entry -> pattern.startsWith(entry.getKey() + "/"))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(999_999L);
		return pattern.replaceAll("\\{[^}]+}", Long.toString(id)).replace("/**", "/x").replace("/*", "/x");
	}

	static List<HttpMethod> methodsOf(Endpoint endpoint) {
		return endpoint.method().equals("ANY") ? List.of(HttpMethod.GET, HttpMethod.POST)
				: List.of(HttpMethod.valueOf(endpoint.method()));
	}

	MockHttpServletRequestBuilder request(HttpMethod method, String path) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, path);
		if (isApi(path) && method != HttpMethod.GET) {
			// the API takes JSON only (see ApiSecurityConfiguration); an empty object reaches every handler
			request.contentType(MediaType.APPLICATION_JSON).content("{}");
		}
		return request;
	}

	/** The REST API: session-less, answers 401/403 as JSON to browsers and other clients alike. */
	static boolean isApi(String path) {
		return path.startsWith("/api/");
	}

	/** What one request got: a status and redirect, or the exception a handler let escape (MockMvc has no error page). */
	record Outcome(int status, String redirect, Throwable crash) {

		boolean redirectsToLogin() {
			return status / 100 == 3 && redirect != null && redirect.matches("(https?://[^/]+)?/login.*");
		}

		/** The handler ran: not refused (401/403), not sent to the login page, and it did not crash. */
		String reachedOrWhyNot() {
			if (crash != null) {
				Throwable root = crash;
				while (root.getCause() != null) {
					root = root.getCause();
				}
				return "crashed: " + root;
			}
			if (status == 401 || status == 403) {
				return "refused with " + status;
			}
			if (redirectsToLogin()) {
				return "redirected to the login page";
			}
			if (status >= 500) {
				return "crashed with " + status;
			}
			return null;
		}

		@Override
		public String toString() {
			return crash != null ? reachedOrWhyNot() : status + (redirect == null ? "" : " -> " + redirect);
		}

	}

	Outcome perform(MockHttpServletRequestBuilder request) {
		try {
			MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
			return new Outcome(response.getStatus(), response.getRedirectedUrl(), null);
		}
		catch (Exception ex) {
			return new Outcome(500, null, ex);
		}
	}

	@Test
	void theTableListsExactlyTheMappedEndpoints() {
		Set<String> mapped = Endpoints.of(context).stream().map(Endpoint::key).collect(Collectors.toCollection(TreeSet::new));
		Set<String> unlisted = new TreeSet<>(mapped);
		unlisted.removeAll(ACCESS.keySet());
		Set<String> gone = new TreeSet<>(ACCESS.keySet());
		gone.removeAll(mapped);
		assertThat(unlisted).as("endpoints mapped by a controller but missing from SecurityMatrixTests.ACCESS "
				+ "(add each with its required permission)").isEmpty();
		assertThat(gone).as("endpoints listed in SecurityMatrixTests.ACCESS that no controller maps any more").isEmpty();
	}

	@Test
	void everyPermissionInTheTableIsOneTheRolesKnow() {
		Set<String> known = new TreeSet<>(Set.of(PUBLIC, AUTHENTICATED));
		for (Role role : Role.values()) {
			known.addAll(role.permissions());
		}
		assertThat(known).containsAll(ACCESS.values().stream().flatMap(access -> Set.of(access.split("\\|")).stream()).toList());
	}

	@Test
	void anAnonymousBrowserIsSentToTheLoginPageAndAnyOtherClientIsRefused() throws Exception {
		List<String> problems = new ArrayList<>();
		for (Endpoint endpoint : Endpoints.of(context)) {
			String access = ACCESS.get(endpoint.key());
			for (HttpMethod method : methodsOf(endpoint)) {
				String path = pathFor(endpoint.pattern());
				Outcome browser = perform(request(method, path).accept(MediaType.TEXT_HTML).with(csrf()));
				Outcome client = perform(request(method, path).accept(MediaType.APPLICATION_JSON).with(csrf()));
				if (PUBLIC.equals(access)) {
					String why = browser.reachedOrWhyNot();
					if (why != null && !(TOKEN_IN_URL.contains(endpoint.key()) && browser.status() == 401 && browser.crash() == null)) {
						problems.add(method + " " + path + " is public but " + why);
					}
					continue;
				}
				if (isApi(path)) {
					if (browser.status() != 401 || client.status() != 401) {
						problems.add(method + " " + path + " (API) answered " + browser + " / " + client + " instead of 401");
					}
					continue;
				}
				if (!browser.redirectsToLogin()) {
					problems.add(method + " " + path + " (browser) answered " + browser + " instead of a redirect to /login");
				}
				if (client.status() != 401 && client.status() != 403) {
					problems.add(method + " " + path + " (non-browser) answered " + client + " instead of 401/403");
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(Role.class)
	void eachRoleReachesExactlyWhatItsPermissionsAllow(Role role) throws Exception {
		AuthenticatedUser me = TestUsers.withRoles(person.getId(), unit.getId(), role);
		List<String> problems = new ArrayList<>();
		for (Endpoint endpoint : Endpoints.of(context)) {
			String access = ACCESS.get(endpoint.key());
			assertThat(access).as("access of %s", endpoint.key()).isNotNull();
			// "a|b": either permission suffices
			boolean allowed = PUBLIC.equals(access) || AUTHENTICATED.equals(access)
					|| Set.of(access.split("\\|")).stream().anyMatch(role.permissions()::contains);
			for (HttpMethod method : methodsOf(endpoint)) {
				String path = pathFor(endpoint.pattern());
				Outcome outcome = perform(request(method, path).accept(isApi(path) ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML)
					.with(user(me))
					.with(csrf()));
				String why = outcome.reachedOrWhyNot();
				if (TOKEN_IN_URL.contains(endpoint.key()) && outcome.status() == 401 && outcome.crash() == null) {
					why = null;
				}
				if (allowed && why != null) {
					problems.add(role + " may " + method + " " + path + " (" + access + ") but was " + why);
				}
				if (!allowed && (outcome.status() != 403 || outcome.crash() != null)) {
					problems.add(role + " lacks " + access + " for " + method + " " + path + " but got " + outcome);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyPostIsRefusedWithoutACsrfToken() throws Exception {
		AuthenticatedUser admin = TestUsers.withRoles(person.getId(), unit.getId(), Role.values());
		List<String> problems = new ArrayList<>();
		for (Endpoint endpoint : Endpoints.of(context)) {
			if (!endpoint.method().equals("POST") && !endpoint.method().equals("ANY")) {
				continue;
			}
			String path = pathFor(endpoint.pattern());
			if (isApi(path)) {
				// no CSRF token in the session-less API; what a cross-site form can send (not JSON) is refused
				Outcome form = perform(MockMvcRequestBuilders.post(path)
					.contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.param("title", "x")
					.with(user(admin)));
				if (form.status() != 415 || form.crash() != null) {
					problems.add("POST " + path + " as a form answered " + form + " instead of 415");
				}
				continue;
			}
			Outcome outcome = perform(MockMvcRequestBuilders.post(path).accept(MediaType.TEXT_HTML).with(user(admin)));
			if (outcome.status() != 403 || outcome.crash() != null) {
				problems.add("POST " + path + " without CSRF token answered " + outcome);
			}
		}
		assertThat(problems).isEmpty();
		// the security filters' own forms too
		mvc.perform(MockMvcRequestBuilders.post("/login").param("username", "admin").param("password", "x"))
			.andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(403));
		mvc.perform(MockMvcRequestBuilders.post("/logout").with(user(admin)))
			.andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(403));
	}

}
