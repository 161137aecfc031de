package io.oriole.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import io.oriole.identity.Role;
import io.oriole.web.api.ApiClient.Reply;
import io.oriole.web.api.ApiFixture.TenantSetup;
import tools.jackson.databind.JsonNode;

/**
 * A tenant tunes triage through the API: its intents, catalogue and weights, its VIP tier rules, and supervisors
 * override a conversation's priority with who and why kept. Another tenant can neither see nor change any of it.
 */
@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriageSettingsApiIntegrationTests {

    @Autowired
    ApiFixture fixture;

    @Autowired
    ApiClient api;

    TenantSetup tenant;
    TenantSetup other;
    String supervisorToken;

    @BeforeAll
    void tenants() {
        tenant = fixture.tenant("triage-settings");
        other = fixture.tenant("triage-settings-other");
        long supervisor = fixture.user(tenant.id(), "sam@" + tenant.id().value() + ".test", Role.SUPERVISOR).id();
        supervisorToken = fixture.tokenFor(tenant.id(), supervisor);
    }

    @Test
    void supervisorOverridesPriorityAndTheConversationShowsWhoAndWhy() {
        long conversation = openTriaged("our whole system is down, all users get 500 errors since 9am");
        assertThat(triage(conversation).path("level").asString()).isEqualTo("P1");

        Reply set = api.put(supervisorToken, "/api/v1/conversations/" + conversation + "/priority",
                "{\"level\": \"P3\", \"reason\": \"only their test environment is affected\"}");

        assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
        assertThat(set.body().path("previousLevel").asString()).isEqualTo("P1");
        JsonNode now = triage(conversation);
        assertThat(now.path("level").asString()).isEqualTo("P3");
        assertThat(now.path("explanation").asString())
                .contains("set to P3 by sam@").contains("(triage said P1): only their test environment is affected");

        Reply back = api.put(supervisorToken, "/api/v1/conversations/" + conversation + "/priority",
                "{\"level\": null, \"reason\": \"production is down too after all\"}");
        assertThat(back.status()).isEqualTo(200);
        assertThat(triage(conversation).path("level").asString()).isEqualTo("P1");

        Reply history = api.get(tenant.agentToken(), "/api/v1/conversations/" + conversation + "/priority/overrides");
        assertThat(history.body().valueStream().map(o -> o.path("level").asString() + " " + o.path("reason")
                .asString())).containsExactly("P3 only their test environment is affected",
                        " production is down too after all");
        assertThat(history.body().path(0).path("byName").asString()).startsWith("sam@");
    }

    @Test
    void anAgentMayNotOverrideAndAReasonIsRequired() {
        long conversation = openTriaged("how do I change my delivery address");

        Reply agent = api.put(tenant.agentToken(), "/api/v1/conversations/" + conversation + "/priority",
                "{\"level\": \"P1\", \"reason\": \"I feel like it\"}");
        assertThat(agent.status()).isEqualTo(403);

        Reply noReason = api.put(supervisorToken, "/api/v1/conversations/" + conversation + "/priority",
                "{\"level\": \"P1\", \"reason\": \" \"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errorField(0)).isEqualTo("reason");
        assertThat(api.get(tenant.agentToken(), "/api/v1/conversations/" + conversation + "/priority/overrides")
                .body().size()).isZero();
    }

    @Test
    void anotherTenantCannotOverrideOrReadTheOverrides() {
        long conversation = openTriaged("payment keeps failing at checkout");
        String path = "/api/v1/conversations/" + conversation + "/priority";

        assertThat(api.put(other.adminToken(), path, "{\"level\": \"P4\", \"reason\": \"not mine\"}").status())
                .isEqualTo(404);
        assertThat(api.get(other.adminToken(), path + "/overrides").status()).isEqualTo(404);
        assertThat(api.get(tenant.agentToken(), path + "/overrides").body().size()).isZero();
    }

    @Test
    void adminUploadsIntentsAsCsvAndAMalformedFileChangesNothing() {
        String csv = "text,label\nwhere is my parcel,track_order\nmy package has not arrived,track_order\n"
                + "I want my money back,refund\nplease refund the order,refund\n";
        Reply uploaded = api.send(tenant.adminToken(), put("/api/v1/triage/intents").contentType("text/csv")
                .content(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(uploaded.status()).as(uploaded.body().toString()).isEqualTo(200);
        assertThat(uploaded.body().path("examplesPerLabel").path("refund").asInt()).isEqualTo(2);

        Reply bad = api.send(tenant.adminToken(), put("/api/v1/triage/intents").contentType("text/csv")
                .content("words,tag\nhello,greeting\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorField(0)).isEqualTo("body");
        assertThat(api.get(tenant.agentToken(), "/api/v1/triage/intents").status()).isEqualTo(403);
        assertThat(api.get(supervisorToken, "/api/v1/triage/intents").body().size()).isEqualTo(4);

        Reply added = api.post(tenant.adminToken(), "/api/v1/triage/intents",
                "{\"text\": \"我的快递到哪了\", \"label\": \"track_order\"}");
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.body().path("examplesPerLabel").path("track_order").asInt()).isEqualTo(3);

        assertThat(api.get(other.adminToken(), "/api/v1/triage/intents").body().size()).isZero();
        assertThat(api.delete(other.adminToken(), "/api/v1/triage/intents/refund").status()).isEqualTo(404);
        assertThat(api.delete(tenant.adminToken(), "/api/v1/triage/intents/refund").body()
                .path("examplesPerLabel").has("refund")).isFalse();
    }

    @Test
    void weightsAndCatalogueChangeTriageAndAnUnknownWeightIsNamed() {
        Reply unknown = api.put(tenant.adminToken(), "/api/v1/triage/weights", "{\"vipDiamond\": 99}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorField(0)).isEqualTo("vipDiamond");

        Reply falling = api.put(tenant.adminToken(), "/api/v1/triage/weights", "{\"p1\": 10}");
        assertThat(falling.status()).isEqualTo(400);
        assertThat(api.get(tenant.adminToken(), "/api/v1/triage/settings").body().path("weights").path("p1")
                .asInt()).isEqualTo(50);

        Reply products = api.put(tenant.adminToken(), "/api/v1/triage/products", "[\"Orbit Router X2\"]");
        assertThat(products.status()).isEqualTo(200);
        Awaitility.await().untilAsserted(() -> assertThat(
                api.post(tenant.adminToken(), "/api/v1/triage/preview",
                        "{\"text\": \"my Orbit Router X2 keeps rebooting\"}").body().path("facts").path("products")
                        .valueStream().map(JsonNode::asString)).containsExactly("Orbit Router X2"));
        assertThat(api.get(other.adminToken(), "/api/v1/triage/settings").body().path("products").size()).isZero();
    }

    @Test
    void tierRulesComputeTheVipTierFromAccountFactsAndRecomputeWhenEitherChanges() {
        Reply created = api.post(tenant.adminToken(), "/api/v1/customers", "{\"kind\": \"ENTERPRISE\", "
                + "\"name\": \"Li Lei\", \"organisation\": \"Harbour Freight\"}");
        long customer = created.body().path("id").asLong();
        Reply facts = api.put(tenant.adminToken(), "/api/v1/customers/" + customer + "/account",
                "{\"employees\": 800, \"monthlySpend\": 12000, \"customerSince\": \"2020-01-15\"}");
        assertThat(facts.body().path("vipTier").asString()).as("no rules yet: the tier stays").isEqualTo("NONE");

        Reply rules = api.put(tenant.adminToken(), "/api/v1/triage/tier-rules", "[{\"tier\": \"GOLD\", "
                + "\"minMonthlySpend\": 10000}, {\"tier\": \"SILVER\", \"minEmployees\": 500}]");
        assertThat(rules.status()).as(rules.body().toString()).isEqualTo(200);
        assertThat(rules.body().path("customersChanged").asInt()).isEqualTo(1);
        assertThat(vipTier(customer)).isEqualTo("GOLD");

        api.put(tenant.adminToken(), "/api/v1/customers/" + customer + "/account",
                "{\"employees\": 800, \"monthlySpend\": 3000, \"customerSince\": \"2020-01-15\"}");
        assertThat(vipTier(customer)).isEqualTo("SILVER");

        Reply twice = api.put(tenant.adminToken(), "/api/v1/triage/tier-rules",
                "[{\"tier\": \"GOLD\", \"minMonths\": 1}, {\"tier\": \"GOLD\", \"minMonths\": 2}]");
        assertThat(twice.status()).isEqualTo(400);
        Reply empty = api.put(tenant.adminToken(), "/api/v1/triage/tier-rules", "[{\"tier\": \"GOLD\"}]");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorField(0)).isEqualTo("[0]");
        assertThat(api.get(tenant.adminToken(), "/api/v1/triage/tier-rules").body().size()).isEqualTo(2);

        assertThat(api.get(other.adminToken(), "/api/v1/customers/" + customer + "/account").status()).isEqualTo(404);
        assertThat(api.put(other.adminToken(), "/api/v1/customers/" + customer + "/account",
                "{\"employees\": 1}").status()).isEqualTo(404);
        assertThat(api.get(other.adminToken(), "/api/v1/triage/tier-rules").body().size()).isZero();
    }

    private String vipTier(long customer) {
        return api.get(tenant.adminToken(), "/api/v1/customers/" + customer).body().path("vipTier").asString();
    }

    private long openTriaged(String message) {
        Reply created = api.post(tenant.adminToken(), "/api/v1/customers",
                "{\"kind\": \"PERSONAL\", \"name\": \"Pat\", \"locale\": \"en\"}");
        Reply opened = api.post(tenant.agentToken(), "/api/v1/conversations", "{\"customerId\": "
                + created.body().path("id").asLong() + ", \"channel\": \"CHAT\", \"message\": \"" + message + "\"}");
        assertThat(opened.status()).isEqualTo(201);
        long id = opened.body().path("id").asLong();
        triage(id);
        return id;
    }

    private JsonNode triage(long conversation) {
        return Awaitility.await().pollInterval(Duration.ofMillis(100))
                .until(() -> api.get(tenant.agentToken(), "/api/v1/conversations/" + conversation + "/triage"),
                        r -> r.status() == 200).body();
    }
}
