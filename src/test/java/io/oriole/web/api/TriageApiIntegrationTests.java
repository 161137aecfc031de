package io.oriole.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.oriole.web.api.ApiClient.Reply;
import io.oriole.web.api.ApiFixture.TenantSetup;
import tools.jackson.databind.JsonNode;

/** Messages opened through the API are triaged in the background; the triage endpoint shows the result. */
@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriageApiIntegrationTests {

    @Autowired
    ApiFixture fixture;

    @Autowired
    ApiClient api;

    @Autowired
    JdbcClient jdbc;

    TenantSetup tenant;

    @BeforeAll
    void tenant() {
        tenant = fixture.tenant("triage-api");
    }

    @Test
    void goldEnterpriseCustomerWhoseWholeSystemIsDownIsP1() {
        long customer = customer("{\"kind\": \"ENTERPRISE\", \"name\": \"王总\", \"organisation\": \"云帆物流有限公司\", "
                + "\"vipTier\": \"GOLD\", \"locale\": \"zh-CN\"}");
        long conversation = open(customer, "我们公司整个系统都登不上了，所有员工都用不了！");

        JsonNode triage = awaitTriage(conversation);

        assertThat(triage.path("level").asString()).isEqualTo("P1");
        assertThat(triage.path("urgency").asString()).isEqualTo("SYSTEM_DOWN");
        assertThat(triage.path("language").asString()).isEqualTo("zh");
        assertThat(factorNames(triage)).contains("urgency", "vip");
        assertThat(triage.path("explanation").asString()).startsWith("P1: system down (+50)").contains("VIP gold (+");
        assertThat(triage.path("score").asInt()).isPositive();
        assertThat(triage.path("facts").has("orderNumbers")).isTrue();
    }

    @Test
    void newPersonalCustomerAskingHowToChangeTheAddressIsLowPriority() {
        long customer = customer("{\"kind\": \"PERSONAL\", \"name\": \"Nico New\", \"locale\": \"en\"}");
        long conversation = open(customer, "how do I change my delivery address");

        JsonNode triage = awaitTriage(conversation);

        assertThat(triage.path("level").asString()).isIn("P3", "P4");
        assertThat(triage.path("category").asString()).isIn("IN_SALE", "AFTER_SALE");
        assertThat(triage.path("urgency").asString()).isEqualTo("ORDINARY");
        assertThat(triage.path("language").asString()).isEqualTo("en");
        assertThat(triage.has("outOfScope")).isTrue();
        assertThat(triage.has("confidence")).isTrue();
    }

    @Test
    void unknownConversationAndNotYetTriagedOneAreNotFoundWithDifferentDetails() {
        Reply unknown = api.get(tenant.agentToken(), "/api/v1/conversations/987654321/triage");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.detail()).isEqualTo("conversation 987654321 not found");

        long customer = customer("{\"kind\": \"PERSONAL\", \"name\": \"Pat Pending\", \"locale\": \"en\"}");
        long conversation = open(customer, "hello there");
        awaitTriage(conversation);
        // As if triage had not finished yet: the endpoint must say so rather than pretend the id is unknown.
        jdbc.sql("DELETE FROM triage_result WHERE tenant_id = :t AND conversation_id = :c")
                .param("t", tenant.id().value()).param("c", conversation).update();

        Reply pending = api.get(tenant.agentToken(), "/api/v1/conversations/" + conversation + "/triage");
        assertThat(pending.status()).isEqualTo(404);
        assertThat(pending.detail()).contains("has not been triaged yet");
    }

    @Test
    void customerWhoComplainedRecentlyCarriesThatIntoTheirNextConversation() {
        long customer = customer("{\"kind\": \"PERSONAL\", \"name\": \"Chris Cross\", \"locale\": \"en\"}");
        awaitTriage(open(customer, "This is unacceptable, I want to file a complaint about your terrible service!!"));

        JsonNode next = awaitTriage(open(customer, "how do I change my delivery address"));

        assertThat(factorNames(next)).contains("feedback");
        assertThat(next.path("explanation").asString()).contains("recent negative feedback (+10)");
    }

    private long customer(String json) {
        Reply created = api.post(tenant.adminToken(), "/api/v1/customers", json);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().path("id").asLong();
    }

    private long open(long customerId, String message) {
        Reply opened = api.post(tenant.agentToken(), "/api/v1/conversations", "{\"customerId\": " + customerId
                + ", \"channel\": \"CHAT\", \"message\": \"" + message + "\"}");
        assertThat(opened.status()).isEqualTo(201);
        return opened.body().path("id").asLong();
    }

    private JsonNode awaitTriage(long conversationId) {
        String uri = "/api/v1/conversations/" + conversationId + "/triage";
        return Awaitility.await().pollInterval(Duration.ofMillis(100))
                .until(() -> api.get(tenant.agentToken(), uri), r -> r.status() == 200).body();
    }

    private static List<String> factorNames(JsonNode triage) {
        List<String> names = new ArrayList<>();
        triage.path("factors").forEach(f -> names.add(f.path("name").asString()));
        return names;
    }
}
