package io.oriole.web.api;

import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The OpenAPI document's header; the bearer scheme is what makes Swagger UI's Authorize button send tokens. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "Oriole API", version = "v1",
                description = "Conversations, customers, agents, users and API tokens of one tenant. "
                        + "Errors are RFC 9457 application/problem+json."),
        security = @SecurityRequirement(name = ApiDocumentation.BEARER))
@SecurityScheme(name = ApiDocumentation.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "ori_…", description = "An API token issued by POST /api/v1/tokens or in the console.")
class ApiDocumentation {

    static final String BEARER = "apiToken";
}
