package io.oriole.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import io.oriole.bot.BotManagement;
import io.oriole.bot.BotSettings;
import io.oriole.bot.FakeChatModelServer;
import io.oriole.knowledge.EntryDraft;
import io.oriole.knowledge.EntryStatus;
import io.oriole.knowledge.KnowledgeManagement;
import io.oriole.tenant.TenantManagement;
import io.oriole.triage.Language;
import io.oriole.web.api.ApiClient.Reply;
import io.oriole.web.api.ApiFixture.TenantSetup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generative-answer settings over REST (admin only, key write-only, bad input named, tenants apart) and a
 * customer on the chat widget getting a generated answer, with the tenant's model played by a local HTTP server.
 */
@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BotGenerativeApiIntegrationTests {

    static final String PATH = "/api/v1/bot/generative";
    static final String KEY = "sk-live-7f3a9c1e5b";
    static final String VISITOR_TOKEN = "X-Visitor-Token";

    @Autowired
    ApiFixture fixture;

    @Autowired
    ApiClient api;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    TenantManagement tenants;

    @Autowired
    KnowledgeManagement knowledge;

    @Autowired
    BotManagement bot;

    FakeChatModelServer model;
    TenantSetup a;
    TenantSetup b;

    @BeforeAll
    void startModel() {
        model = new FakeChatModelServer();
    }

    @AfterAll
    void stopModel() {
        model.close();
    }

    @BeforeEach
    void tenants() {
        a = fixture.tenant("generative-a");
        b = fixture.tenant("generative-b");
    }

    @Test
    void aNewTenantHasGenerativeAnswersOffWithTheDocumentedDefaults() {
        JsonNode settings = api.get(a.adminToken(), PATH).body();

        assertThat(settings.path("enabled").asBoolean()).isFalse();
        assertThat(settings.path("apiKeySet").asBoolean()).isFalse();
        assertThat(settings.path("timeoutSeconds").asInt()).isEqualTo(10);
        assertThat(settings.path("maxCitations").asInt()).isEqualTo(3);
    }

    @Test
    void onlyAdminsMayReadOrChangeTheSettings() {
        assertThat(api.get(a.agentToken(), PATH).status()).isEqualTo(403);
        assertThat(api.put(a.agentToken(), PATH, settings(true, model.baseUrl(), "m", KEY, 10, 3)).status())
                .isEqualTo(403);
        assertThat(api.get(a.adminToken(), PATH).body().path("enabled").asBoolean()).isFalse();
    }

    @Test
    void theApiKeyIsStoredButNeverReturnedAndAnEmptyFieldKeepsIt() {
        Reply saved = api.put(a.adminToken(), PATH, settings(true, model.baseUrl(), "gpt-test", KEY, 8, 2));

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body().path("apiKeySet").asBoolean()).isTrue();
        assertThat(saved.body().has("apiKey")).isFalse();
        assertThat(saved.body().toString()).doesNotContain(KEY);
        JsonNode read = api.get(a.adminToken(), PATH).body();
        assertThat(read.toString()).doesNotContain(KEY);
        assertThat(read.path("enabled").asBoolean()).isTrue();
        assertThat(read.path("baseUrl").asString()).isEqualTo(model.baseUrl());
        assertThat(read.path("model").asString()).isEqualTo("gpt-test");
        assertThat(read.path("timeoutSeconds").asInt()).isEqualTo(8);
        assertThat(read.path("maxCitations").asInt()).isEqualTo(2);

        api.put(a.adminToken(), PATH, settings(true, model.baseUrl(), "gpt-test", null, 8, 2));
        assertThat(api.get(a.adminToken(), PATH).body().path("apiKeySet").asBoolean()).as("no key given keeps it")
                .isTrue();

        api.put(a.adminToken(), PATH, settings(true, model.baseUrl(), "gpt-test", "", 8, 2));
        assertThat(api.get(a.adminToken(), PATH).body().path("apiKeySet").asBoolean()).as("an empty key removes it")
                .isFalse();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        api.put(a.adminToken(), PATH, settings(false, "https://llm.example.com/v1", "small", KEY, 10, 3));

        assertRefused(settings(true, "ftp://llm.example.com/v1", "small", null, 10, 3), "baseUrl");
        assertRefused(settings(true, "not a url", "small", null, 10, 3), "baseUrl");
        assertRefused(settings(true, "", "small", null, 10, 3), "baseUrl");
        assertRefused(settings(true, "https://llm.example.com/v1", "  ", null, 10, 3), "model");
        assertRefused(settings(true, "https://llm.example.com/v1", "small", null, 0, 3), "timeoutSeconds");
        assertRefused(settings(true, "https://llm.example.com/v1", "small", null, 61, 3), "timeoutSeconds");
        assertRefused(settings(true, "https://llm.example.com/v1", "small", null, 10, 9), "maxCitations");
        assertRefused("{\"baseUrl\": \"https://llm.example.com/v1\", \"model\": \"small\", \"timeoutSeconds\": 10, "
                + "\"maxCitations\": 3}", "enabled");

        JsonNode stored = api.get(a.adminToken(), PATH).body();
        assertThat(stored.path("enabled").asBoolean()).isFalse();
        assertThat(stored.path("baseUrl").asString()).isEqualTo("https://llm.example.com/v1");
        assertThat(stored.path("model").asString()).isEqualTo("small");
        assertThat(stored.path("timeoutSeconds").asInt()).isEqualTo(10);
        assertThat(stored.path("apiKeySet").asBoolean()).isTrue();
    }

    @Test
    void anEndpointInsideThePlatformsNetworksIsRefusedWith422NamingBaseUrlAndNothingIsStored() {
        api.put(a.adminToken(), PATH, settings(false, "https://llm.example.com/v1", "small", KEY, 10, 3));

        assertOutboundRefused("http://169.254.169.254/latest/meta-data", "METADATA");
        assertOutboundRefused("http://localhost:6379", "LOOPBACK");
        assertOutboundRefused("http://127.0.0.2:8080/v1", "LOOPBACK");
        assertOutboundRefused("http://2130706434:6379/", "LOOPBACK");
        assertOutboundRefused("http://[::ffff:127.0.0.2]/v1", "LOOPBACK");
        assertOutboundRefused("http://10.0.0.8/v1", "PRIVATE_NETWORK");
        assertOutboundRefused("http://100.64.1.1/v1", "SHARED_NETWORK");

        JsonNode stored = api.get(a.adminToken(), PATH).body();
        assertThat(stored.path("baseUrl").asString()).isEqualTo("https://llm.example.com/v1");
        assertThat(stored.path("enabled").asBoolean()).isFalse();
    }

    @Test
    void anotherTenantNeitherSeesNorChangesTheSettings() {
        api.put(a.adminToken(), PATH, settings(true, "https://llm-a.example.com/v1", "model-a", KEY, 10, 3));

        JsonNode seenByB = api.get(b.adminToken(), PATH).body();
        assertThat(seenByB.path("enabled").asBoolean()).isFalse();
        assertThat(seenByB.path("apiKeySet").asBoolean()).isFalse();
        assertThat(seenByB.toString()).doesNotContain("llm-a.example.com");

        assertThat(api.put(b.adminToken(), PATH, settings(false, "https://llm-b.example.com/v1", "model-b", "", 5, 1))
                .status()).isEqualTo(200);

        JsonNode ofA = api.get(a.adminToken(), PATH).body();
        assertThat(ofA.path("enabled").asBoolean()).isTrue();
        assertThat(ofA.path("baseUrl").asString()).isEqualTo("https://llm-a.example.com/v1");
        assertThat(ofA.path("model").asString()).isEqualTo("model-a");
        assertThat(ofA.path("apiKeySet").asBoolean()).isTrue();
        assertThat(ofA.path("maxCitations").asInt()).isEqualTo(3);
    }

    @Test
    void aWidgetCustomerOfATenantWithGenerativeAnswersGetsThePhrasedAnswerWithItsSourceAndTheFeedbackPrompt()
            throws Exception {
        botWithRefundEntry(a);
        model.answer(new FakeChatModelServer.Reply("Go to My orders, pick the order and click Refund [1]."));
        api.put(a.adminToken(), PATH, settings(true, model.baseUrl(), "test-model", KEY, 10, 3));
        int before = model.received().size();

        String token = widgetSession(a);
        widgetSend(a, token, "I want my money back");
        JsonNode answer = awaitBotMessage(a, token);

        assertThat(answer.path("body").asString()).isEqualTo(
                "Go to My orders, pick the order and click Refund [1].\n\nSources:\n[1] How do I request a refund?");
        assertThat(widgetConversation(a, token).path("feedbackSeqs").get(0).asLong())
                .isEqualTo(answer.path("seq").asLong());
        assertThat(model.received()).hasSize(before + 1);
        assertThat(model.received().get(before).prompt()).contains("I want my money back")
                .contains("[1] How do I request a refund?");
    }

    @Test
    void aWidgetCustomerOfATenantWithoutGenerativeAnswersGetsTheEntryAndTheModelHearsNothing() throws Exception {
        botWithRefundEntry(b);
        model.answer(new FakeChatModelServer.Reply("Go to My orders [1]."));
        int before = model.received().size();

        String token = widgetSession(b);
        widgetSend(b, token, "I want my money back");
        JsonNode answer = awaitBotMessage(b, token);

        assertThat(answer.path("body").asString()).isEqualTo("Open My orders and click Refund.");
        assertThat(widgetConversation(b, token).path("feedbackSeqs").get(0).asLong())
                .isEqualTo(answer.path("seq").asLong());
        assertThat(model.received()).hasSize(before);
    }

    void assertRefused(String body, String field) {
        Reply refused = api.put(a.adminToken(), PATH, body);
        assertThat(refused.status()).as(body).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.errorField(0)).as(body).isEqualTo(field);
    }

    void assertOutboundRefused(String baseUrl, String reason) {
        Reply refused = api.put(a.adminToken(), PATH, settings(true, baseUrl, "small", KEY, 10, 3));
        assertThat(refused.status()).as(baseUrl).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("field").asString()).as(baseUrl).isEqualTo("baseUrl");
        assertThat(refused.errorField(0)).isEqualTo("baseUrl");
        assertThat(refused.body().path("reason").asString()).as(baseUrl).isEqualTo(reason);
        assertThat(refused.body().toString()).doesNotContain(KEY);
    }

    void botWithRefundEntry(TenantSetup t) {
        knowledge.create(t.id(), new EntryDraft("How do I request a refund?", "Open My orders and click Refund.",
                List.of("I want my money back", "refund my order"), "refunds", Language.EN, List.of(),
                EntryStatus.PUBLISHED), "admin@example.com");
        bot.updateSettings(t.id(), BotSettings.DEFAULT.withEnabled(true));
    }

    String slug(TenantSetup t) {
        return tenants.find(t.id()).orElseThrow().slug();
    }

    String widgetSession(TenantSetup t) throws Exception {
        String body = mvc.perform(post("/widget/api/" + slug(t) + "/session").contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body).path("token").asString();
    }

    void widgetSend(TenantSetup t, String token, String text) throws Exception {
        int status = mvc.perform(post("/widget/api/" + slug(t) + "/messages").header(VISITOR_TOKEN, token)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(java.util.Map.of(
                        "clientMessageId", "cmid-" + UUID.randomUUID(), "text", text))))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(201);
    }

    JsonNode widgetConversation(TenantSetup t, String token) throws Exception {
        String body = mvc.perform(get("/widget/api/" + slug(t) + "/conversation").header(VISITOR_TOKEN, token))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body);
    }

    JsonNode awaitBotMessage(TenantSetup t, String token) throws Exception {
        Awaitility.await().until(() -> botMessage(t, token) != null);
        return botMessage(t, token);
    }

    JsonNode botMessage(TenantSetup t, String token) throws Exception {
        for (JsonNode m : widgetConversation(t, token).path("messages")) {
            if (m.path("author").asString().equals("bot")) {
                return m;
            }
        }
        return null;
    }

    static String settings(boolean enabled, String baseUrl, String model, String apiKey, int timeout, int cite) {
        return "{\"enabled\": " + enabled + ", \"baseUrl\": \"" + baseUrl + "\", \"model\": \"" + model + "\", "
                + (apiKey == null ? "" : "\"apiKey\": \"" + apiKey + "\", ") + "\"timeoutSeconds\": " + timeout
                + ", \"maxCitations\": " + cite + "}";
    }
}
