package io.oriole.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.oriole.web.api.ApiClient.Reply;
import io.oriole.web.api.ApiFixture.TenantSetup;

/**
 * Every list, set and map a request carries, given a null item, a null list and items of the wrong type: a null item
 * is refused with 422 naming it ({@code categories[0]}), a wrong type with 400 naming it, and nothing ever answers
 * 500 or anything but problem+json. A null item used to reach the modules and end in a NullPointerException.
 */
@ApiIntegrationTest
class RequestListsApiIntegrationTests {

    /** One list field of one endpoint: {@code body} has {@code %s} where the field's value goes. */
    record ListField(String method, String path, String body, String field) {

        String with(String value) {
            return body.formatted(value);
        }
    }

    @Autowired
    ApiFixture fixture;

    @Autowired
    ApiClient api;

    TenantSetup t;

    @BeforeEach
    void tenant() {
        t = fixture.tenant("lists");
    }

    List<ListField> fields() {
        String queue = "{\"name\": \"Billing\", \"position\": 1, \"minTier\": \"L1\", \"%1$s\": %%s}";
        String conditions = "{\"name\": \"Gold\", \"position\": 1, \"conditions\": {\"%1$s\": %%s}}";
        String agent = "{\"displayName\": \"Alex\", \"tier\": \"L1\", \"maxConcurrent\": 3, \"languages\": [\"en\"],"
                + " \"departments\": [\"support\"], \"skills\": {\"refunds\": 3}, \"%1$s\": %%s}";
        String entry = "{\"title\": \"Refunds\", \"body\": \"Open My orders.\", \"category\": \"refunds\","
                + " \"language\": \"EN\", \"%1$s\": %%s}";
        String calendar = "{\"name\": \"Office\", \"timeZone\": \"Europe/Berlin\", \"week\": {\"MONDAY\": "
                + "{\"open\": \"09:00\", \"close\": \"17:00\"}}, \"%1$s\": %%s}";
        List<ListField> fields = new java.util.ArrayList<>();
        for (String f : List.of("categories", "intents", "languages", "segments", "vipTiers", "channels", "skills")) {
            fields.add(new ListField("PUT", "/api/v1/routing/queues/billing", queue.formatted(f), f));
        }
        for (String f : List.of("priorities", "vipTiers", "customerKinds", "channels", "categories", "intents",
                "urgencies")) {
            fields.add(new ListField("POST", "/api/v1/sla/policies", conditions.formatted(f), "conditions." + f));
        }
        fields.add(new ListField("POST", "/api/v1/sla/policies",
                "{\"name\": \"Gold\", \"position\": 1, \"pauseStatuses\": %s}", "pauseStatuses"));
        fields.add(new ListField("POST", "/api/v1/sla/calendars", calendar.formatted("holidays"), "holidays"));
        for (String f : List.of("languages", "departments")) {
            fields.add(new ListField("PUT", "/api/v1/agents/" + t.agentId(), agent.formatted(f), f));
        }
        for (String f : List.of("phrasings", "tags")) {
            fields.add(new ListField("POST", "/api/v1/knowledge/entries", entry.formatted(f), f));
        }
        fields.add(new ListField("POST", "/api/v1/knowledge/open-questions/create-entry",
                "{\"questionIds\": %s, \"answer\": \"Yes.\", \"category\": \"delivery\"}", "questionIds"));
        fields.add(new ListField("POST", "/api/v1/knowledge/open-questions/extend-entry",
                "{\"entryId\": 1, \"questionIds\": %s}", "questionIds"));
        fields.add(new ListField("PUT", "/api/v1/triage/products", "%s", ""));
        fields.add(new ListField("PUT", "/api/v1/triage/tier-rules", "%s", ""));
        return fields;
    }

    @Test
    void aNullItemInAnyRequestListIsRefusedWith422NamingIt() {
        for (ListField f : fields()) {
            Reply first = send(f, f.with("[null]"));
            assertProblem(f, first, 422);
            assertThat(first.errorField(0)).as(f.toString()).isEqualTo(f.field() + "[0]");
            assertThat(first.body().path("reason").asString()).as(f.toString()).isEqualTo("NULL_ITEM");
        }
    }

    @Test
    void aNullAfterAGoodItemIsNamedByItsPosition() {
        Reply reply = api.put(t.adminToken(), "/api/v1/routing/queues/billing",
                "{\"name\": \"Billing\", \"position\": 1, \"minTier\": \"L1\", \"categories\": [\"BILLING\", null]}");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorField(0)).isEqualTo("categories[1]");
    }

    @Test
    void aNullValueInAMapIsRefusedNamingItsKey() {
        Reply skills = api.put(t.adminToken(), "/api/v1/agents/" + t.agentId(), "{\"displayName\": \"Alex\", "
                + "\"tier\": \"L1\", \"maxConcurrent\": 3, \"languages\": [\"en\"], \"skills\": {\"refunds\": null}}");
        Reply week = api.post(t.adminToken(), "/api/v1/sla/calendars",
                "{\"name\": \"Office\", \"timeZone\": \"UTC\", \"week\": {\"MONDAY\": null}}");

        assertThat(skills.status()).isEqualTo(422);
        assertThat(skills.errorField(0)).isEqualTo("skills.refunds");
        assertThat(week.status()).isEqualTo(422);
        assertThat(week.errorField(0)).isEqualTo("week.MONDAY");
    }

    @Test
    void aNullListNeverAnswers500() {
        for (ListField f : fields()) {
            Reply reply = send(f, f.with("null"));
            assertThat(reply.status()).as(f.toString()).isLessThan(500);
            if (reply.status() >= 400) {
                assertThat(reply.contentType()).as(f.toString()).startsWith("application/problem+json");
            }
        }
    }

    @Test
    void itemsOfTheWrongTypeAreRefusedNamingTheItem() {
        for (ListField f : fields()) {
            // An object where a value belongs; for the tier rules, whose items are objects, a string.
            Reply object = send(f, f.with(f.path().endsWith("tier-rules") ? "[\"GOLD\"]" : "[{}]"));
            assertProblem(f, object, 400);
            assertThat(object.errorField(0)).as(f + " " + object.body()).isEqualTo(f.field() + "[0]");
            // Jackson loses the path of a nested array inside a list of strings (it reports a trailing token), so
            // only the status and the problem type are certain here.
            assertProblem(f, send(f, f.with("[[1]]")), 400);
            assertProblem(f, send(f, f.with("{\"a\": 1}")), 400);
        }
    }

    Reply send(ListField f, String body) {
        return f.method().equals("PUT") ? api.put(t.adminToken(), f.path(), body)
                : api.post(t.adminToken(), f.path(), body);
    }

    static void assertProblem(ListField f, Reply reply, int status) {
        assertThat(reply.status()).as(f + " " + reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).as(f.toString()).startsWith("application/problem+json");
    }
}
