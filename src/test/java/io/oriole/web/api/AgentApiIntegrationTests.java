package io.oriole.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.oriole.identity.Role;
import io.oriole.web.api.ApiClient.Reply;
import io.oriole.web.api.ApiFixture.TenantSetup;

@ApiIntegrationTest
class AgentApiIntegrationTests {

    @Autowired
    ApiFixture fixture;

    @Autowired
    ApiClient api;

    TenantSetup tenant;

    @BeforeEach
    void setUp() {
        tenant = fixture.tenant("agents");
    }

    @Test
    void agentProfileShowsTierDepartmentsSkillsAndLanguages() {
        Reply agent = api.get(tenant.agentToken(), "/api/v1/agents/" + tenant.agentId());

        assertThat(agent.status()).isEqualTo(200);
        assertThat(agent.body().path("tier").asString()).isEqualTo("L1");
        assertThat(agent.body().path("departments").path(0).asString()).isEqualTo("support");
        assertThat(agent.body().path("skills").path("refunds").asInt()).isEqualTo(3);
        assertThat(agent.body().path("languages").path(0).asString()).isEqualTo("en");
        assertThat(agent.body().path("maxConcurrent").asInt()).isEqualTo(5);
    }

    @Test
    void adminCreatesAProfileForAnExistingUser() {
        long userId = fixture.user(tenant.id(), "bo@example.com", Role.AGENT).id();

        Reply created = api.post(tenant.adminToken(), "/api/v1/agents", "{\"userId\": " + userId + """
                , "displayName": "Bo", "tier": "L2", "maxConcurrent": 8, "languages": ["zh", "en"],
                 "departments": ["billing"], "skills": {"invoices": 5}}""");

        assertThat(created.status()).isEqualTo(201);
        assertThat(api.get(tenant.agentToken(), "/api/v1/agents").body().size()).isEqualTo(2);
        assertThat(created.body().path("languages").size()).isEqualTo(2);
    }

    @Test
    void adminUpdatesAProfile() {
        Reply updated = api.put(tenant.adminToken(), "/api/v1/agents/" + tenant.agentId(), """
                {"displayName": "Alex Senior", "tier": "L3", "maxConcurrent": 2, "languages": ["en"],
                 "departments": ["support", "billing"], "skills": {"refunds": 5}}""");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().path("tier").asString()).isEqualTo("L3");
        assertThat(updated.body().path("departments").size()).isEqualTo(2);
    }

    @Test
    void agentCannotChangeAgentProfiles() {
        Reply reply = api.put(tenant.agentToken(), "/api/v1/agents/" + tenant.agentId(), """
                {"displayName": "Me, promoted", "tier": "L3", "maxConcurrent": 2, "languages": ["en"]}""");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(api.get(tenant.agentToken(), "/api/v1/agents/" + tenant.agentId()).body().path("tier")
                .asString()).isEqualTo("L1");
    }

    @Test
    void skillLevelOutsideOneToFiveNamesTheSkill() {
        Reply reply = api.put(tenant.adminToken(), "/api/v1/agents/" + tenant.agentId(), """
                {"displayName": "Alex", "tier": "L1", "maxConcurrent": 2, "languages": ["en"],
                 "skills": {"refunds": 9}}""");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorField(0)).startsWith("skills");
    }

    @Test
    void profileForAnUnknownUserIsNotFound() {
        Reply reply = api.post(tenant.adminToken(), "/api/v1/agents", """
                {"userId": 987654321, "displayName": "Ghost", "tier": "L1", "maxConcurrent": 1, "languages": ["en"]}""");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.detail()).isEqualTo("user 987654321 not found");
    }
}
