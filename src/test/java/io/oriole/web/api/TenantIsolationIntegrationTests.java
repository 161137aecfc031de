package io.oriole.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import io.oriole.web.api.ApiClient.Reply;
import io.oriole.web.api.ApiFixture.TenantSetup;
import tools.jackson.databind.JsonNode;

/**
 * Tenant A's admin token against tenant B's ids: every read and write answers 404, the same as an id that does
 * not exist, and B's data is the same afterwards. Both tenants are provisioned through the platform operator's API,
 * as real tenants are.
 */
@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIntegrationTests {

    @Autowired
    ApiFixture fixture;

    @Autowired
    ApiClient api;

    TenantSetup a;
    TenantSetup b;

    @BeforeAll
    void twoTenants() {
        a = fixture.provisioned("tenant-a");
        b = fixture.provisioned("tenant-b");
    }

    @Test
    void tenantACannotReadTenantBConversation() {
        String conversation = "/api/v1/conversations/" + b.conversationId();

        for (String uri : new String[] { conversation, conversation + "/timeline", conversation + "/participants",
                conversation + "/triage" }) {
            Reply reply = api.get(a.adminToken(), uri);
            assertThat(reply.status()).as(uri).isEqualTo(404);
            assertThat(reply.detail()).isEqualTo("conversation " + b.conversationId() + " not found");
        }
        Reply list = api.get(a.adminToken(), "/api/v1/conversations?view=all&customerId=" + b.customerId());
        assertThat(list.body().path("total").asLong()).isZero();
    }

    @Test
    void tenantACannotAssignOrChangeTenantBConversation() {
        JsonNode before = api.get(b.adminToken(), "/api/v1/conversations/" + b.conversationId()).body();
        String conversation = "/api/v1/conversations/" + b.conversationId();

        assertThat(api.put(a.adminToken(), conversation + "/assign", "{\"agentId\": " + a.agentId() + "}").status())
                .isEqualTo(404);
        assertThat(api.put(a.adminToken(), conversation + "/status", "{\"status\": \"CLOSED\"}").status())
                .isEqualTo(404);

        assertThat(api.get(b.adminToken(), conversation).body()).isEqualTo(before);
        assertThat(api.get(b.adminToken(), conversation + "/timeline").body().size()).isEqualTo(1);
    }

    @Test
    void tenantACannotAssignItsConversationToTenantBAgent() {
        String conversation = "/api/v1/conversations/" + a.conversationId();

        Reply reply = api.put(a.adminToken(), conversation + "/assign", "{\"agentId\": " + b.agentId() + "}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(api.get(a.adminToken(), conversation).body().has("assigneeAgentId")).isFalse();
    }

    @Test
    void tenantACannotOpenAConversationForTenantBCustomer() {
        long conversationsOfA = fixture.rows("conversation", a.id());
        long conversationsOfB = fixture.rows("conversation", b.id());

        Reply reply = api.post(a.adminToken(), "/api/v1/conversations", "{\"customerId\": " + b.customerId()
                + ", \"channel\": \"API\", \"message\": \"hello\"}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(fixture.rows("conversation", a.id())).isEqualTo(conversationsOfA);
        assertThat(fixture.rows("conversation", b.id())).isEqualTo(conversationsOfB);
    }

    @Test
    void tenantACannotReadOrPostTenantBMessages() {
        String messages = "/api/v1/conversations/" + b.conversationId() + "/messages";
        long before = fixture.rows("message", b.id());

        assertThat(api.get(a.agentToken(), messages + "?includeInternal=true").status()).isEqualTo(404);
        assertThat(api.post(a.agentToken(), messages, "{\"body\": \"injected\"}").status()).isEqualTo(404);
        assertThat(api.post(a.agentToken(), messages, "{\"body\": \"note\", \"internal\": true}").status())
                .isEqualTo(404);

        assertThat(fixture.rows("message", b.id())).isEqualTo(before);
        assertThat(api.get(b.agentToken(), messages + "?includeInternal=true").body().size()).isEqualTo(1);
    }

    @Test
    void tenantACannotReadOrUpdateTenantBCustomer() {
        String customer = "/api/v1/customers/" + b.customerId();
        JsonNode before = api.get(b.adminToken(), customer).body();

        assertThat(api.get(a.adminToken(), customer).status()).isEqualTo(404);
        assertThat(api.get(a.adminToken(), customer + "/conversations").status()).isEqualTo(404);
        Reply update = api.put(a.adminToken(), customer, "{\"kind\": \"PERSONAL\", \"name\": \"Hijacked\"}");
        assertThat(update.status()).isEqualTo(404);
        assertThat(update.detail()).isEqualTo("customer " + b.customerId() + " not found");

        assertThat(api.get(b.adminToken(), customer).body()).isEqualTo(before);
    }

    @Test
    void tenantACannotReadOrUpdateTenantBAgent() {
        String agent = "/api/v1/agents/" + b.agentId();
        JsonNode before = api.get(b.adminToken(), agent).body();

        assertThat(api.get(a.adminToken(), agent).status()).isEqualTo(404);
        assertThat(api.put(a.adminToken(), agent, """
                {"displayName": "Hijacked", "tier": "L3", "maxConcurrent": 1, "languages": ["en"]}""").status())
                .isEqualTo(404);
        assertThat(api.get(a.adminToken(), "/api/v1/agents").body().valueStream()
                .map(x -> x.path("id").asLong())).doesNotContain(b.agentId());

        assertThat(api.get(b.adminToken(), agent).body()).isEqualTo(before);
    }

    @Test
    void tenantACannotCreateAnAgentProfileForTenantBUser() {
        long adminOfB = b.adminUserId();

        Reply reply = api.post(a.adminToken(), "/api/v1/agents", "{\"userId\": " + adminOfB + """
                , "displayName": "Borrowed", "tier": "L1", "maxConcurrent": 1, "languages": ["en"]}""");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(fixture.rows("agent", a.id())).isEqualTo(1);
        assertThat(fixture.rows("agent", b.id())).isEqualTo(1);
    }

    @Test
    void tenantACannotReadOrUpdateTenantBUser() {
        String user = "/api/v1/users/" + b.agentUserId();
        JsonNode before = api.get(b.adminToken(), user).body();

        assertThat(api.get(a.adminToken(), user).status()).isEqualTo(404);
        assertThat(api.put(a.adminToken(), user, "{\"displayName\": \"Hijacked\", \"role\": \"ADMIN\", "
                + "\"enabled\": false}").status()).isEqualTo(404);

        assertThat(api.get(b.adminToken(), user).body()).isEqualTo(before);
        assertThat(api.get(b.agentToken(), "/api/v1/agents").status()).isEqualTo(200);
    }

    @Test
    void tenantACannotRevokeTenantBToken() {
        long tokenOfB = api.get(b.adminToken(), "/api/v1/tokens").body().path(0).path("id").asLong();

        Reply reply = api.delete(a.adminToken(), "/api/v1/tokens/" + tokenOfB);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.detail()).isEqualTo("token " + tokenOfB + " not found");
        Reply stillListed = api.get(b.adminToken(), "/api/v1/tokens");
        assertThat(stillListed.status()).isEqualTo(200);
        assertThat(stillListed.body().path(0).has("revokedAt")).isFalse();
        assertThat(api.get(a.adminToken(), "/api/v1/tokens").body().valueStream()
                .map(x -> x.path("id").asLong())).doesNotContain(tokenOfB);
    }
}
