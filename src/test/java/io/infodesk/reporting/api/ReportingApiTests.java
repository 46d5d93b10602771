package io.infodesk.reporting.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.ItemForm;
import io.infodesk.reporting.ReportingIntegrationTest;
import io.infodesk.reporting.item.VerificationForm;
import io.infodesk.reporting.item.VerificationMethod;
import io.infodesk.shared.time.TimeConfiguration;

import com.jayway.jsonpath.JsonPath;

/**
 * The REST API under /api (issue 3 point 10) as a client uses it: HTTP Basic with the demo accounts, JSON in and
 * out, the same permissions and data scope as the pages, RFC 9457 problems in Chinese for bad input and refused
 * transitions, 401 without credentials (a browser session does not count).
 */
class ReportingApiTests extends ReportingIntegrationTest {

	static final String PASSWORD = "Demo@2026";

	private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String username) {
		return request.with(httpBasic(username, PASSWORD)).accept(MediaType.APPLICATION_JSON);
	}

	private ResultActions postJson(String path, String username, String json) throws Exception {
		return mvc.perform(as(post(path), username).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private String itemJson(String title) {
		return """
				{"title": "%s", "kind": "GOVERNMENT", "unitId": %d, "body": "区住建局推进老旧小区物业管理全覆盖。",
				 "angles": ["NEW_HIGHLIGHT"], "sources": ["CORE_DUTY"],
				 "authors": [{"personId": %d}]}
				""".formatted(title, unitId("物业管理科"), person("物业管理科", "赵雪").getId());
	}

	private long create(String title) throws Exception {
		String body = postJson("/api/items", "publicist", itemJson(title)).andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	// ---- authentication ------------------------------------------------------------------------------

	@Test
	void withoutCredentialsTheApiAnswers401AsAProblemInChinese() throws Exception {
		for (String accept : new String[] { "application/json", "text/html" }) {
			mvc.perform(get("/api/items").header("Accept", accept))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Basic realm=\"InfoDesk API\"")))
				.andExpect(header().string("Content-Type", Matchers.startsWith("application/problem+json")))
				.andExpect(jsonPath("$.status").value(401))
				.andExpect(jsonPath("$.title").value("未登录"));
		}
		mvc.perform(get("/api/items").with(httpBasic("publicist", "wrong")).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aBrowserSessionDoesNotAuthoriseApiCallsAndCreatesNone() throws Exception {
		MockHttpSession session = (MockHttpSession) mvc
			.perform(post("/login").param("username", "office").param("password", PASSWORD).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getRequest()
			.getSession(false);
		mvc.perform(get("/reporting/items").session(session)).andExpect(status().isOk());
		mvc.perform(get("/api/items").session(session).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isUnauthorized());

		var response = mvc.perform(as(get("/api/items"), "office")).andExpect(status().isOk()).andReturn().getResponse();
		assertThat(response.getCookie("JSESSIONID")).isNull();
		assertThat(response.getHeader("Set-Cookie")).isNull();
	}

	@Test
	void aWriteThatIsNotJsonIsRefusedSoThatNoCrossSiteFormCanSendIt() throws Exception {
		String title = unique("表单提交");
		mvc.perform(post("/api/items").with(httpBasic("publicist", PASSWORD))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("title", title))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.detail").value("修改数据的请求须以 application/json 提交。"));
		assertThat(jdbc.queryForObject("select count(*) from rpt_item where title = ?", Integer.class, title)).isZero();
	}

	// ---- items ---------------------------------------------------------------------------------------

	@Test
	void aPublicistDraftsAnItemAndReadsItBackInTheListAndAlone() throws Exception {
		String title = unique("接口起草");
		String created = postJson("/api/items", "publicist", itemJson(title))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", Matchers.matchesPattern("/api/items/\\d+")))
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.statusLabel").value("草稿"))
			.andExpect(jsonPath("$.unit.name").value("物业管理科"))
			.andExpect(jsonPath("$.authors[0].name").value("赵雪"))
			.andExpect(jsonPath("$.revision").value(1))
			.andExpect(jsonPath("$.createdAt").value(Matchers.endsWith("+08:00")))
			.andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(created, "$.id")).longValue();

		mvc.perform(as(get("/api/items/" + id), "publicist"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value(title))
			.andExpect(jsonPath("$.bodyText").value("区住建局推进老旧小区物业管理全覆盖。"))
			.andExpect(jsonPath("$.review").doesNotExist());
		mvc.perform(as(get("/api/items"), "publicist").param("keyword", title).param("status", "DRAFT"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].id").value(id))
			.andExpect(jsonPath("$.page").value(1));
		mvc.perform(as(get("/api/items"), "publicist").param("keyword", title).param("status", "SUBMITTED"))
			.andExpect(jsonPath("$.totalElements").value(0));
		mvc.perform(as(get("/api/items"), "office").param("size", "1").param("page", "2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.size").value(1))
			.andExpect(jsonPath("$.page").value(2))
			.andExpect(jsonPath("$.content.length()").value(1));
	}

	@Test
	void badInputIsA400ProblemNamingTheFieldsInChineseAndSavesNothing() throws Exception {
		String body = """
				{"title": " ", "kind": "GOVERNMENT", "unitId": %d, "body": "正文", "authors": [{"personId": %d}]}
				""".formatted(unitId("物业管理科"), person("物业管理科", "赵雪").getId());
		postJson("/api/items", "publicist", body)
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", Matchers.startsWith("application/problem+json")))
			.andExpect(jsonPath("$.title").value("请求有误"))
			.andExpect(jsonPath("$.errors[0].field").value("title"))
			.andExpect(jsonPath("$.errors[0].message").value("请输入标题"));

		String title = unique("坏枚举");
		postJson("/api/items", "publicist", itemJson(title).replace("GOVERNMENT", "NEWS"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("kind"));
		postJson("/api/items", "publicist", "{not json").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("请求内容不是有效的 JSON。"));
		// a unit outside the publicist's scope is refused by the service's rule, under the field
		postJson("/api/items", "publicist", itemJson(title).replace("\"unitId\": " + unitId("物业管理科"),
				"\"unitId\": " + unitId("办公室")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("unitId"));
		mvc.perform(as(get("/api/items"), "publicist").param("kind", "NEWS")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("kind"));
		assertThat(jdbc.queryForObject("select count(*) from rpt_item where title = ?", Integer.class, title)).isZero();
	}

	@Test
	void theReviewChainRunsOverTheApiAndRefusesForbiddenTransitions() throws Exception {
		long id = create(unique("接口审核"));
		postJson("/api/items/" + id + "/submit", "publicist", "{}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.title").value("当前状态不允许此操作"))
			.andExpect(jsonPath("$.detail").value(Matchers.startsWith("送审前请至少添加一条核实记录")));
		var publicist = logIn("publicist");
		items.addVerification(id, new VerificationForm(VerificationMethod.PHONE_CALLBACK, "赵雪", null,
				LocalDate.now(clock), "数据属实"), publicist, scope());

		postJson("/api/items/" + id + "/submit", "publicist", "{}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IN_REVIEW"))
			.andExpect(jsonPath("$.review.round").value(1))
			.andExpect(jsonPath("$.review.step").value(0))
			.andExpect(jsonPath("$.review.role").value("UNIT_HEAD"))
			.andExpect(jsonPath("$.review.steps[2]").value("LEADER_IN_CHARGE"));
		// the publicist holds no review permission; the office is not at this step
		postJson("/api/items/" + id + "/approve", "publicist", "{\"round\": 1, \"step\": 0}").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.title").value("无权访问"));
		postJson("/api/items/" + id + "/approve", "office", "{\"round\": 1, \"step\": 0}").andExpect(status().isConflict());
		postJson("/api/items/" + id + "/approve", "head", "{\"round\": 1, \"step\": 0}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.review.step").value(1));
		// approving the same step twice changes nothing
		postJson("/api/items/" + id + "/approve", "head", "{\"round\": 1, \"step\": 0}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("已被处理")));
		postJson("/api/items/" + id + "/return", "office", "{\"round\": 1, \"step\": 1}").andExpect(status().isBadRequest());
		postJson("/api/items/" + id + "/approve", "office", "{\"round\": 1, \"step\": 1}").andExpect(status().isOk());
		// not signed off yet: no submission
		String submission = """
				{"bodyId": %d, "channel": "PLATFORM", "submittedAt": "%s"}
				""".formatted(bodyId("区委办"), LocalDateTime.now(clock.withZone(TimeConfiguration.ZONE)).withNano(0));
		postJson("/api/items/" + id + "/submissions", "office", submission).andExpect(status().isConflict());
		postJson("/api/items/" + id + "/approve", "charge", "{\"round\": 1, \"step\": 2}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SIGNED_OFF"));

		postJson("/api/items/" + id + "/submissions", "publicist", submission).andExpect(status().isForbidden());
		postJson("/api/items/" + id + "/submissions", "office", submission)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.body").value("区委办"))
			.andExpect(jsonPath("$.channel").value("PLATFORM"));
		postJson("/api/items/" + id + "/submissions", "office", submission).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("bodyId"));
		mvc.perform(as(get("/api/items/" + id), "office")).andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.submissions.length()").value(1));

		String adoption = """
				{"outlet": "市《住建信息》", "issue": "2026年第45期", "level": "CITY", "adoptedOn": "%s"}
				""".formatted(LocalDate.now(clock));
		postJson("/api/items/" + id + "/adoptions", "office", adoption)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.level").value("CITY"))
			.andExpect(jsonPath("$.itemId").value(id));
		postJson("/api/items/" + id + "/adoptions", "office", adoption.replace(LocalDate.now(clock).toString(), "2999-01-01"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("adoptedOn"));
		mvc.perform(as(get("/api/adoptions"), "publicist").param("keyword", "住建信息").param("level", "CITY"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[?(@.itemId == " + id + ")].outlet").value(Matchers.hasItem("市《住建信息》")));
		mvc.perform(as(get("/api/items/" + id), "publicist")).andExpect(jsonPath("$.status").value("ADOPTED"))
			.andExpect(jsonPath("$.adoptionLevel").value("CITY"));
	}

	@Test
	void aReturnNeedsACommentAndReachesTheDrafter() throws Exception {
		long id = create(unique("接口退回"));
		var publicist = logIn("publicist");
		items.addVerification(id, new VerificationForm(VerificationMethod.PHONE_CALLBACK, "赵雪", null,
				LocalDate.now(clock), "数据属实"), publicist, scope());
		postJson("/api/items/" + id + "/submit", "publicist", "{}").andExpect(status().isOk());
		postJson("/api/items/" + id + "/return", "head", "{\"round\": 1, \"step\": 0}").andExpect(status().isBadRequest());
		postJson("/api/items/" + id + "/return", "head", "{\"round\": 1, \"step\": 0, \"comment\": \"数据请补充来源\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RETURNED"));
	}

	@Test
	void anItemOutsideTheDataScopeIsNotFoundEvenForTransitions() throws Exception {
		var office = logIn("office");
		InformationItem other = items.create(form(unique("办公室信息"), "办公室",
				java.util.List.of(new ItemForm.AuthorEntry(person("办公室", "周敏").getId(), null))), office, scope());

		for (String username : new String[] { "publicist", "head", "staff" }) {
			mvc.perform(as(get("/api/items/" + other.getId()), username))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.detail").value("记录不存在，或不在您的数据范围内。"));
		}
		postJson("/api/items/" + other.getId() + "/approve", "head", "{\"round\": 1, \"step\": 0}")
			.andExpect(status().isNotFound());
		mvc.perform(as(get("/api/items"), "publicist").param("keyword", other.getTitle()))
			.andExpect(jsonPath("$.totalElements").value(0));
		mvc.perform(as(get("/api/items/" + other.getId()), "office")).andExpect(status().isOk());
		mvc.perform(as(get("/api/items/99999999"), "office")).andExpect(status().isNotFound());
	}

	// ---- solicitations -----------------------------------------------------------------------------

	@Test
	void theOfficeRegistersASolicitationThatTheResponsibleUnitSeesAndOthersDoNot() throws Exception {
		String topic = unique("接口约稿");
		String json = """
				{"bodyId": %d, "topic": "%s", "receivedOn": "%s", "deadline": "%s", "unitIds": [%d]}
				""".formatted(bodyId("区委办"), topic, LocalDate.now(clock),
				LocalDate.now(clock).plusDays(2).atTime(17, 0), unitId("物业管理科"));
		postJson("/api/solicitations", "publicist", json).andExpect(status().isForbidden());
		String created = postJson("/api/solicitations", "office", json)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.statusLabel").value("待报送"))
			.andExpect(jsonPath("$.body.shortName").value("区委办"))
			.andExpect(jsonPath("$.deadline").value(LocalDate.now(clock).plusDays(2) + "T17:00:00+08:00"))
			.andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(created, "$.id")).longValue();

		mvc.perform(as(get("/api/solicitations/" + id), "publicist")).andExpect(status().isOk())
			.andExpect(jsonPath("$.units[0].name").value("物业管理科"));
		mvc.perform(as(get("/api/solicitations"), "publicist").param("keyword", topic).param("state", "OPEN"))
			.andExpect(jsonPath("$.totalElements").value(1));

		String officeOnly = json.replace(topic, topic + "办").replace("[" + unitId("物业管理科") + "]", "[" + unitId("办公室") + "]");
		String other = postJson("/api/solicitations", "office", officeOnly).andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		mvc.perform(as(get("/api/solicitations/" + JsonPath.read(other, "$.id")), "publicist"))
			.andExpect(status().isNotFound());

		String bad = json.replace("\"deadline\": \"" + LocalDate.now(clock).plusDays(2), "\"deadline\": \"" + LocalDate.now(clock).minusDays(2));
		postJson("/api/solicitations", "office", bad.replace(topic, topic + "坏"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("deadline"))
			.andExpect(jsonPath("$.errors[0].message").value("截止时间不能早于收到日期"));
		postJson("/api/solicitations", "office", "{}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(Matchers.greaterThanOrEqualTo(4)));
		assertThat(jdbc.queryForObject("select count(*) from rpt_solicitation where topic like ?", Integer.class,
				topic + "坏%")).isZero();
	}

	private long bodyId(String shortName) {
		return jdbc.queryForObject("select id from rpt_body where short_name = ?", Long.class, shortName);
	}

}
