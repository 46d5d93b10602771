package io.infodesk.shared.web;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The OpenAPI document of the REST API ({@code /v3/api-docs}, springdoc; only paths under {@code /api}) with HTTP
 * Basic as its security scheme, and Swagger UI ({@code /swagger-ui/index.html}) served from its WebJar — nothing
 * from the internet. Every operation documents the problem responses (RFC 9457, schema {@code Problem}) it can
 * give: 401 and 403 always, 400 with parameters or a body, 404 with a record id in the path, 409 and 415 for writes.
 * The document passes Redocly CLI's recommended rules (tools/openapi-lint, {@code OpenApiLintTests}). See
 * docs/api.md.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

	static final String BASIC = "basic";

	static final String PROBLEM = "Problem";

	private static final Map<String, String> PROBLEMS = Map.of("400", "请求有误（参数或内容无效）", "401",
			"未登录：须以 HTTP Basic 认证", "403", "无权访问：角色没有所需权限", "404", "记录不存在，或不在您的数据范围内", "409",
			"当前状态不允许此操作", "415", "修改数据的请求须以 application/json 提交");

	@Bean
	OpenAPI infoDeskOpenApi() {
		return new OpenAPI()
			.info(new Info().title("InfoDesk 信息宣传工作平台 API")
				.version("1")
				.license(new License().name("内部使用：区住房和城乡建设局"))
				.description("信息报送、组织机构、考核与通知接口：与网页相同的权限和数据范围；HTTP Basic 认证，无会话；"
						+ "修改数据的请求以 application/json 提交；错误以 application/problem+json（RFC 9457）返回中文说明。"))
			.servers(List.of(new Server().url("/").description("本服务器")))
			.components(new Components().addSecuritySchemes(BASIC,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList(BASIC));
	}

	/** The problem responses of every operation, and the schema they share. */
	@Bean
	OpenApiCustomizer apiProblemResponses() {
		return openApi -> {
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
				boolean input = write || operation.getParameters() != null && !operation.getParameters().isEmpty();
				add(operation, "401");
				add(operation, "403");
				if (input) {
					add(operation, "400");
				}
				if (path.contains("{")) {
					add(operation, "404");
				}
				if (write) {
					add(operation, "409");
					add(operation, "415");
				}
			}));
		};
	}

	private static void add(Operation operation, String status) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		ApiResponse existing = operation.getResponses().get(status);
		ApiResponse response = new ApiResponse().description(PROBLEMS.get(status))
			.content(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
		if (existing == null || existing.getContent() == null
				|| !existing.getContent().containsKey("application/problem+json")) {
			operation.getResponses().addApiResponse(status, response);
		}
	}

	@SuppressWarnings("rawtypes")
	private static Schema problemSchema() {
		Schema<Object> error = new ObjectSchema().description("一个字段的错误")
			.addProperty("field", new StringSchema().description("字段或参数名"))
			.addProperty("message", new StringSchema().description("中文说明"));
		return new ObjectSchema().description("RFC 9457 问题详情（中文）")
			.addProperty("type", new StringSchema().example("about:blank"))
			.addProperty("title", new StringSchema().description("中文标题").example("记录不存在"))
			.addProperty("status", new IntegerSchema().example(404))
			.addProperty("detail", new StringSchema().description("中文说明").example("记录不存在，或不在您的数据范围内。"))
			.addProperty("instance", new StringSchema().description("请求的路径"))
			.addProperty("errors", new ArraySchema().items(error).description("输入错误时：每个字段的错误"));
	}

}
