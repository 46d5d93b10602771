package io.infodesk.shared.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document of the REST API ({@code /v3/api-docs}, springdoc; only paths under {@code /api}) with HTTP
 * Basic as its security scheme, and Swagger UI ({@code /swagger-ui/index.html}) served from its WebJar — nothing
 * from the internet. See docs/api.md.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

	static final String BASIC = "basic";

	@Bean
	OpenAPI infoDeskOpenApi() {
		return new OpenAPI()
			.info(new Info().title("InfoDesk 信息宣传工作平台 API")
				.version("1")
				.description("信息报送接口：与网页相同的权限和数据范围；HTTP Basic 认证，无会话；"
						+ "修改数据的请求以 application/json 提交；错误以 application/problem+json（RFC 9457）返回中文说明。"))
			.components(new Components().addSecuritySchemes(BASIC,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList(BASIC));
	}

}
