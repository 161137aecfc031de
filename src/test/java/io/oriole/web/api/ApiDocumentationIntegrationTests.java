package io.oriole.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.oriole.web.api.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

@ApiIntegrationTest
class ApiDocumentationIntegrationTests {

    @Autowired
    ApiClient api;

    @Test
    void openApiDocumentListsTheEndpointsAndTheBearerScheme() {
        Reply doc = api.get(null, "/v3/api-docs");

        assertThat(doc.status()).isEqualTo(200);
        JsonNode paths = doc.body().path("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/conversations", "/api/v1/conversations/{id}/messages",
                "/api/v1/conversations/{id}/assign", "/api/v1/conversations/{id}/status",
                "/api/v1/conversations/{id}/timeline", "/api/v1/conversations/{id}/participants",
                "/api/v1/customers/{id}/conversations", "/api/v1/agents/{id}", "/api/v1/users/{id}",
                "/api/v1/tokens/{id}");
        assertThat(doc.body().path("info").path("title").asString()).isEqualTo("Oriole API");
        assertThat(paths.path("/api/v1/customers").path("post").path("responses").propertyNames())
                .contains("201", "400", "404", "409", "422");
        assertThat(doc.body().path("components").path("securitySchemes").path("apiToken").path("scheme")
                .asString()).isEqualTo("bearer");
    }

    @Test
    void swaggerUiIsServedWithoutAToken() {
        assertThat(api.get(null, "/swagger-ui.html").status()).isIn(200, 302);
    }
}
