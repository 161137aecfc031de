package io.oriole.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.oriole.web.api.ApiClient.Reply;
import io.oriole.web.api.ApiFixture.TenantSetup;

@ApiIntegrationTest
class CustomerApiIntegrationTests {

    @Autowired
    ApiFixture fixture;

    @Autowired
    ApiClient api;

    TenantSetup tenant;

    @BeforeEach
    void setUp() {
        tenant = fixture.tenant("customers");
    }

    @Test
    void enterpriseCustomerIsCreatedAndReadBack() {
        Reply created = api.post(tenant.adminToken(), "/api/v1/customers", """
                {"kind": "ENTERPRISE", "name": "Zhao Min", "organisation": "Xinghe Tech", "email": "zhao@xinghe.example",
                 "phone": "+86 10 5555 0100", "vipTier": "GOLD", "locale": "zh-CN", "externalId": "crm-77"}""");

        assertThat(created.status()).isEqualTo(201);
        Reply read = api.get(tenant.agentToken(), "/api/v1/customers/" + created.body().path("id").asLong());
        assertThat(read.body().path("organisation").asString()).isEqualTo("Xinghe Tech");
        assertThat(read.body().path("vipTier").asString()).isEqualTo("GOLD");
        assertThat(read.body().path("externalId").asString()).isEqualTo("crm-77");
        assertThat(read.body().path("returning").asBoolean()).isFalse();
    }

    @Test
    void updateReplacesDetails() {
        Reply updated = api.put(tenant.adminToken(), "/api/v1/customers/" + tenant.customerId(), """
                {"kind": "PERSONAL", "name": "Casey C.", "email": "casey@new.example", "vipTier": "SILVER"}""");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().path("name").asString()).isEqualTo("Casey C.");
        assertThat(api.get(tenant.agentToken(), "/api/v1/customers/" + tenant.customerId()).body()
                .path("email").asString()).isEqualTo("casey@new.example");
    }

    @Test
    void agentsEditContactDetailsButCannotRaiseTheVipTier() {
        String customer = "/api/v1/customers/" + tenant.customerId();

        Reply raised = api.put(tenant.agentToken(), customer, """
                {"kind": "PERSONAL", "name": "Casey", "vipTier": "PLATINUM"}""");
        Reply created = api.post(tenant.agentToken(), "/api/v1/customers", """
                {"kind": "PERSONAL", "name": "Goldie", "vipTier": "GOLD"}""");
        Reply renamed = api.put(tenant.agentToken(), customer, """
                {"kind": "PERSONAL", "name": "Casey Renamed", "email": "casey@example.com"}""");

        assertThat(raised.status()).isEqualTo(403);
        assertThat(raised.contentType()).startsWith("application/problem+json");
        assertThat(raised.body().path("permission").asString()).isEqualTo("SET_CUSTOMER_TIER");
        assertThat(created.status()).isEqualTo(403);
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(api.get(tenant.agentToken(), customer).body().path("vipTier").asString()).isEqualTo("NONE");
    }

    @Test
    void agentsReadAccountFactsButOnlySupervisorsSetThem() {
        String account = "/api/v1/customers/" + tenant.customerId() + "/account";
        String facts = "{\"employees\": 900, \"monthlySpend\": 50000}";
        long supervisor = fixture.user(tenant.id(), "sup-" + tenant.customerId() + "@example.test",
                io.oriole.identity.Role.SUPERVISOR).id();

        Reply byAgent = api.put(tenant.agentToken(), account, facts);
        Reply bySupervisor = api.put(fixture.tokenFor(tenant.id(), supervisor), account, facts);

        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(byAgent.body().path("permission").asString()).isEqualTo("SET_CUSTOMER_TIER");
        assertThat(bySupervisor.status()).isEqualTo(200);
        assertThat(api.get(tenant.agentToken(), account).body().path("employees").asInt()).isEqualTo(900);
    }

    @Test
    void invalidEmailIsRejectedOnUpdate() {
        Reply reply = api.put(tenant.agentToken(), "/api/v1/customers/" + tenant.customerId(), """
                {"kind": "PERSONAL", "name": "Casey", "email": "casey-at-example"}""");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorField(0)).isEqualTo("email");
    }

    @Test
    void listIsPaginated() {
        for (int i = 0; i < 3; i++) {
            api.post(tenant.agentToken(), "/api/v1/customers", "{\"kind\": \"PERSONAL\", \"name\": \"C" + i + "\"}");
        }

        Reply page = api.get(tenant.agentToken(), "/api/v1/customers?page=1&size=3");

        assertThat(page.body().path("total").asLong()).isEqualTo(4);
        assertThat(page.body().path("items").size()).isEqualTo(1);
        assertThat(page.body().path("page").asInt()).isEqualTo(1);
    }

    @Test
    void customerWithASecondConversationIsReturning() {
        api.post(tenant.agentToken(), "/api/v1/conversations", "{\"customerId\": " + tenant.customerId()
                + ", \"channel\": \"PHONE\", \"message\": \"Calling again about order 42\"}");
        String history = "/api/v1/customers/" + tenant.customerId() + "/conversations";

        // the count follows ConversationOpened, which the customer module handles after the commit
        await().until(() -> api.get(tenant.agentToken(), history).body().path("returning").asBoolean());

        Reply reply = api.get(tenant.agentToken(), history);
        assertThat(reply.body().path("conversationCount").asInt()).isEqualTo(2);
        assertThat(reply.body().path("conversations").size()).isEqualTo(2);
    }

    @Test
    void duplicateExternalIdIsUnprocessable() {
        String body = "{\"kind\": \"PERSONAL\", \"name\": \"Lin\", \"externalId\": \"site-user-9\"}";
        api.post(tenant.agentToken(), "/api/v1/customers", body);

        Reply reply = api.post(tenant.agentToken(), "/api/v1/customers", body);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.detail()).contains("site-user-9");
    }
}
