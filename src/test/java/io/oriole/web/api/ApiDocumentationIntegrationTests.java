package io.oriole.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.beans.factory.annotation.Autowired;

import io.oriole.identity.Role;
import io.oriole.identity.StaffPrincipal;
import io.oriole.identity.User;
import io.oriole.tenant.TenantManagement;
import io.oriole.web.api.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

@ApiIntegrationTest
class ApiDocumentationIntegrationTests {

    @Autowired
    ApiClient api;
    @Autowired
    ApiFixture fixture;
    @Autowired
    TenantManagement tenants;

    @Test
    void openApiDocumentListsTheEndpointsAndTheBearerScheme() {
        Reply doc = api.send(null, get("/v3/api-docs").with(authentication(signedInAgent())));

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
    void documentationIsForSignedInStaffOnly() {
        assertThat(api.get(null, "/v3/api-docs").status()).isEqualTo(401);
        assertThat(api.send(null, get("/swagger-ui/index.html").accept(MediaType.TEXT_HTML)).status()).isEqualTo(302);
    }

    private Authentication signedInAgent() {
        ApiFixture.TenantSetup setup = fixture.tenant("docs");
        User agent = fixture.user(setup.id(), "docs-" + setup.agentUserId() + "@example.com", Role.AGENT);
        StaffPrincipal principal = StaffPrincipal.of(agent, tenants.get(setup.id()).slug());
        return new UsernamePasswordAuthenticationToken(principal, null, principal.authorities());
    }
}
