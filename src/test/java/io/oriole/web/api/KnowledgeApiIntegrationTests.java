package io.oriole.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import io.oriole.knowledge.KnowledgeManagement;
import io.oriole.knowledge.OpenQuestion;
import io.oriole.web.api.ApiClient.Reply;
import io.oriole.web.api.ApiFixture.TenantSetup;
import tools.jackson.databind.JsonNode;

/** Knowledge entries and bot settings over REST: editing, searching without restart, files, isolation. */
@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowledgeApiIntegrationTests {

    static final String ADDRESS = """
            {"title": "How do I change my delivery address?", "body": "Open My orders and click Change address.",
             "phrasings": ["I entered the wrong shipping address"], "category": "delivery", "language": "EN",
             "tags": ["address"]}""";

    @Autowired
    ApiFixture fixture;

    @Autowired
    ApiClient api;

    @Autowired
    KnowledgeManagement knowledge;

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    TenantSetup a;
    TenantSetup b;

    @BeforeAll
    void tenants() {
        a = fixture.tenant("knowledge-a");
        b = fixture.tenant("knowledge-b");
    }

    @Test
    void anEditIsSearchableAtOnceAndTheHistorySaysWhoChangedWhat() {
        Reply created = api.post(a.adminToken(), "/api/v1/knowledge/entries", ADDRESS);
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().path("id").asLong();
        assertThat(created.body().path("status").asString()).isEqualTo("PUBLISHED");

        assertThat(topHit(a.agentToken(), "can I update the shipping address on my order")).isEqualTo(id);

        Reply updated = api.put(a.adminToken(), "/api/v1/knowledge/entries/" + id, ADDRESS.replace(
                "[\"I entered the wrong shipping address\"]",
                "[\"I entered the wrong shipping address\", \"deliver to my office instead\"]"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().path("version").asInt()).isEqualTo(2);

        JsonNode history = api.get(a.agentToken(), "/api/v1/knowledge/entries/" + id + "/history").body();
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.path(0).path("version").asInt()).isEqualTo(2);
        assertThat(history.path(0).path("changedFields").path(0).asString()).isEqualTo("phrasings");
        assertThat(history.path(0).path("changedBy").asString()).startsWith("admin@");
        assertThat(history.path(1).path("changedFields").path(0).asString()).isEqualTo("created");
    }

    @Test
    void aDraftIsNotSuggestedUntilPublished() {
        long id = api.post(a.adminToken(), "/api/v1/knowledge/entries", """
                {"title": "Do you offer gift wrapping?", "body": "Yes, for 5 euros.", "category": "product",
                 "language": "EN", "status": "DRAFT"}""").body().path("id").asLong();

        assertThat(search(a.agentToken(), "Do you offer gift wrapping?").findValues("entryId"))
                .noneMatch(n -> n.asLong() == id);

        api.put(a.adminToken(), "/api/v1/knowledge/entries/" + id, """
                {"title": "Do you offer gift wrapping?", "body": "Yes, for 5 euros.", "category": "product",
                 "language": "EN", "status": "PUBLISHED"}""");

        assertThat(topHit(a.agentToken(), "Do you offer gift wrapping?")).isEqualTo(id);
    }

    @Test
    void invalidEntriesAreRefusedNamingTheField() {
        Reply noLanguage = api.post(a.adminToken(), "/api/v1/knowledge/entries",
                "{\"title\": \"x\", \"body\": \"y\", \"category\": \"c\"}");
        Reply multiLinePhrasing = api.post(a.adminToken(), "/api/v1/knowledge/entries",
                "{\"title\": \"x\", \"body\": \"y\", \"category\": \"c\", \"language\": \"EN\", "
                        + "\"phrasings\": [\"one\\ntwo\"]}");

        assertThat(noLanguage.status()).isEqualTo(400);
        assertThat(noLanguage.errorField(0)).isEqualTo("language");
        assertThat(multiLinePhrasing.status()).isEqualTo(400);
        assertThat(multiLinePhrasing.errorField(0)).isEqualTo("phrasings");
    }

    @Test
    void agentsMaySearchButNotEdit() {
        assertThat(api.post(a.agentToken(), "/api/v1/knowledge/entries", ADDRESS).status()).isEqualTo(403);
        assertThat(api.put(a.agentToken(), "/api/v1/bot/settings", settings(true, 0.6)).status()).isEqualTo(403);
        assertThat(api.get(a.agentToken(), "/api/v1/knowledge/search?q=address").status()).isEqualTo(200);
    }

    @Test
    void anotherTenantCannotReadChangeOrFindAnEntry() {
        long id = api.post(a.adminToken(), "/api/v1/knowledge/entries", ADDRESS.replace("delivery address",
                "billing address")).body().path("id").asLong();

        assertThat(api.get(b.adminToken(), "/api/v1/knowledge/entries/" + id).status()).isEqualTo(404);
        assertThat(api.get(b.adminToken(), "/api/v1/knowledge/entries/" + id + "/history").status()).isEqualTo(404);
        Reply write = api.put(b.adminToken(), "/api/v1/knowledge/entries/" + id, ADDRESS.replace("Open", "Hacked"));
        assertThat(write.status()).isEqualTo(404);
        assertThat(search(b.adminToken(), "How do I change my billing address?").findValues("entryId"))
                .noneMatch(n -> n.asLong() == id);
        assertThat(api.get(a.adminToken(), "/api/v1/knowledge/entries/" + id).body().path("body").asString())
                .startsWith("Open");
        assertThat(api.get(b.adminToken(), "/api/v1/conversations/" + a.conversationId() + "/bot").status())
                .isEqualTo(404);
        assertThat(api.post(b.adminToken(), "/api/v1/conversations/" + a.conversationId() + "/bot/resume", "")
                .status()).isEqualTo(404);
    }

    @Test
    void aCsvWithOneBadRowImportsNothingAndAGoodOneImportsEverything() {
        TenantSetup c = fixture.tenant("knowledge-import");
        String bad = "title,phrasings,category,language,tags,status,body\r\n"
                + "Where is my parcel?,track my order,delivery,en,,PUBLISHED,Open Track package.\r\n"
                + "Bad row,,delivery,klingon,,PUBLISHED,???\r\n";
        Reply refused = importCsv(c.adminToken(), bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorField(0)).isEqualTo("language");
        assertThat(fixture.rows("knowledge_entry", c.id())).isZero();

        Reply imported = importCsv(c.adminToken(), bad.replace("klingon", "zh"));
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.body().path("changed").asInt()).isEqualTo(2);

        String exported = download(c.adminToken(), "/api/v1/knowledge/export.csv");
        assertThat(exported).startsWith("id,title,phrasings,category,language,tags,status,body")
                .contains("Where is my parcel?", "Bad row");

        Reply again = importCsv(c.adminToken(), exported.replace("Open Track package.", "Open Track package now."));
        assertThat(again.body().path("changed").asInt()).as("only the edited row counts").isEqualTo(1);
        assertThat(fixture.rows("knowledge_entry", c.id())).isEqualTo(2);
    }

    @Test
    void openQuestionsAreGroupedAndBecomeAnEntryInOneStep() {
        TenantSetup c = fixture.tenant("knowledge-questions");
        long q1 = knowledge.recordOpenQuestion(c.id(), "Do you deliver on Sundays?", OpenQuestion.Reason.NO_MATCH,
                null, null);
        long q2 = knowledge.recordOpenQuestion(c.id(), "Can you deliver on a Sunday?", OpenQuestion.Reason.NO_MATCH,
                null, null);
        knowledge.recordOpenQuestion(c.id(), "请问可以开发票吗", OpenQuestion.Reason.NO_MATCH, null, null);

        JsonNode groups = api.get(c.agentToken(), "/api/v1/knowledge/open-questions").body();
        assertThat(groups.size()).isEqualTo(2);
        assertThat(groups.path(0).path("questions").findValues("id")).extracting(JsonNode::asLong)
                .containsExactly(q1, q2);

        Reply created = api.post(c.adminToken(), "/api/v1/knowledge/open-questions/create-entry",
                "{\"questionIds\": [" + q1 + ", " + q2 + "], \"answer\": \"Yes, Sunday delivery costs 5 euros.\","
                        + " \"category\": \"delivery\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(created.body().path("title").asString()).isEqualTo("Do you deliver on Sundays?");
        assertThat(created.body().path("phrasings").path(0).asString()).isEqualTo("Can you deliver on a Sunday?");
        assertThat(api.get(c.agentToken(), "/api/v1/knowledge/open-questions").body().size()).isEqualTo(1);
        assertThat(topHit(c.agentToken(), "do you deliver on sunday")).isEqualTo(created.body().path("id").asLong());
    }

    @Test
    void anAgentsAnswerWaitsAsADraftUntilASupervisorPublishesIt() {
        TenantSetup c = fixture.tenant("knowledge-proposal");
        String supervisorToken = fixture.tokenFor(c.id(), fixture.user(c.id(), "lead@" + c.adminUserId() + ".test",
                io.oriole.identity.Role.SUPERVISOR).id());
        long q = knowledge.recordOpenQuestion(c.id(), "Do you ship to Iceland?", OpenQuestion.Reason.NO_MATCH, null,
                null);

        Reply proposed = api.post(c.agentToken(), "/api/v1/knowledge/open-questions/create-entry",
                "{\"questionIds\": [" + q + "], \"answer\": \"Yes, in five to eight days.\"}");

        assertThat(proposed.status()).isEqualTo(201);
        assertThat(proposed.body().path("status").asString()).isEqualTo("DRAFT");
        long entry = proposed.body().path("id").asLong();
        assertThat(search(c.agentToken(), "do you ship to iceland").findValues("entryId")).extracting(JsonNode::asLong)
                .doesNotContain(entry);
        JsonNode waiting = api.get(c.agentToken(), "/api/v1/knowledge/proposals").body();
        assertThat(waiting.size()).isEqualTo(1);
        assertThat(waiting.path(0).path("entry").path("id").asLong()).isEqualTo(entry);
        assertThat(waiting.path(0).path("proposedBy").asString()).startsWith("agent@");
        assertThat(api.post(c.agentToken(), "/api/v1/knowledge/proposals/" + entry + "/publish", "").status())
                .isEqualTo(403);

        Reply published = api.post(supervisorToken, "/api/v1/knowledge/proposals/" + entry + "/publish", "");

        assertThat(published.status()).isEqualTo(200);
        assertThat(published.body().path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(topHit(c.agentToken(), "do you ship to iceland")).isEqualTo(entry);
        assertThat(api.get(c.agentToken(), "/api/v1/knowledge/proposals").body().size()).isZero();
        assertThat(api.get(c.agentToken(), "/api/v1/knowledge/open-questions").body().size()).isZero();
    }

    @Test
    void anAgentsExtensionLeavesThePublishedEntryAsItIsUntilPublished() {
        TenantSetup c = fixture.tenant("knowledge-extension");
        long entry = api.post(c.adminToken(), "/api/v1/knowledge/entries", ADDRESS).body().path("id").asLong();
        long q = knowledge.recordOpenQuestion(c.id(), "my parcel goes to my old flat, help", OpenQuestion.Reason.NO_MATCH,
                null, null);

        Reply proposed = api.post(c.agentToken(), "/api/v1/knowledge/open-questions/extend-entry",
                "{\"entryId\": " + entry + ", \"questionIds\": [" + q + "]}");

        assertThat(proposed.status()).isEqualTo(202);
        assertThat(api.get(c.agentToken(), "/api/v1/knowledge/entries/" + entry).body().path("phrasings").size())
                .isEqualTo(1);
        assertThat(api.get(c.agentToken(), "/api/v1/knowledge/proposals").body().path(0).path("extendsEntry")
                .asBoolean()).isTrue();

        assertThat(api.post(c.adminToken(), "/api/v1/knowledge/proposals/" + entry + "/publish", "").status())
                .isEqualTo(200);
        assertThat(api.get(c.agentToken(), "/api/v1/knowledge/entries/" + entry).body().path("phrasings")
                .valueStream().map(JsonNode::asString)).contains("my parcel goes to my old flat, help");
    }

    @Test
    void botSettingsStartOffAndOnlyValidValuesAreStored() {
        TenantSetup c = fixture.tenant("knowledge-bot");
        assertThat(api.get(c.adminToken(), "/api/v1/bot/settings").body().path("enabled").asBoolean()).isFalse();

        Reply invalid = api.put(c.adminToken(), "/api/v1/bot/settings", settings(true, 1.5));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errorField(0)).isEqualTo("minConfidence");
        assertThat(api.get(c.adminToken(), "/api/v1/bot/settings").body().path("enabled").asBoolean()).isFalse();

        assertThat(api.put(c.adminToken(), "/api/v1/bot/settings", settings(true, 0.7)).status()).isEqualTo(200);
        JsonNode stored = api.get(c.adminToken(), "/api/v1/bot/settings").body();
        assertThat(stored.path("enabled").asBoolean()).isTrue();
        assertThat(stored.path("minConfidence").asDouble()).isEqualTo(0.7);
        assertThat(api.get(b.adminToken(), "/api/v1/bot/settings").body().path("enabled").asBoolean()).isFalse();
    }

    static String settings(boolean enabled, double minConfidence) {
        return "{\"enabled\": " + enabled + ", \"minConfidence\": " + minConfidence + ", \"maxUnhelpful\": 2, "
                + "\"handoffOnVip\": true, \"handoffOnUrgent\": true, \"handoffOnNegative\": true}";
    }

    Reply importCsv(String token, String csv) {
        return api.send(token, MockMvcRequestBuilders.request(HttpMethod.POST, "/api/v1/knowledge/import")
                .contentType(MediaType.parseMediaType("text/csv")).content(csv.getBytes(StandardCharsets.UTF_8)));
    }

    String download(String token, String uri) {
        try {
            return mvc.perform(MockMvcRequestBuilders.get(uri).header("Authorization", "Bearer " + token)).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8);
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode search(String token, String q) {
        Reply reply = api.get(token, "/api/v1/knowledge/search?q=" + java.net.URLEncoder.encode(q,
                StandardCharsets.UTF_8));
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    long topHit(String token, String q) {
        JsonNode hits = search(token, q);
        assertThat(hits.size()).as("hits for " + q).isPositive();
        return hits.path(0).path("entryId").asLong();
    }
}
