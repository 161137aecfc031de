package io.oriole.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import io.oriole.web.api.ApiClient;
import io.oriole.web.api.ApiClient.Reply;
import io.oriole.web.api.ApiIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The platform operator's API as a provisioning script uses it: {@code Authorization: Bearer <operator token>},
 * JSON in, RFC 9457 problems for every refusal.
 */
@ApiIntegrationTest
class PlatformApiIntegrationTests {

    static final String OPERATOR = ApiIntegrationTest.OPERATOR_TOKEN;
    static final String TENANTS = "/platform/v1/tenants";
    static final String PASSWORD = "first-admin-password";

    @Autowired
    ApiClient api;
    @Autowired
    MockMvc mvc;

    static String newSlug() {
        return "acme-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String request(String slug, String name, String email, String password) {
        return """
                {"slug": %s, "name": %s, "adminEmail": %s, "adminPassword": %s}""".formatted(quoted(slug),
                quoted(name), quoted(email), quoted(password));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    Reply provision(String slug) {
        Reply created = api.post(OPERATOR, TENANTS, request(slug, "Acme Ltd", "boss@" + slug + ".test", PASSWORD));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created;
    }

    @Test
    void provisioningAnswers201WithTheTenantAndTheFirstAdminsOneTimeToken() {
        String slug = newSlug();

        Reply created = api.post(OPERATOR, TENANTS, """
                {"slug": "%s", "name": "Acme Ltd", "adminEmail": "Boss@%s.test", "adminPassword": "%s",
                 "locale": "zh-CN", "timeZone": "Asia/Shanghai"}""".formatted(slug, slug, PASSWORD));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("tenant").path("slug").asString()).isEqualTo(slug);
        assertThat(created.body().path("tenant").path("name").asString()).isEqualTo("Acme Ltd");
        assertThat(created.body().path("tenant").path("status").asString()).isEqualTo("active");
        assertThat(created.body().path("tenant").path("locale").asString()).isEqualTo("zh-CN");
        assertThat(created.body().path("tenant").path("timeZone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(created.body().path("adminEmail").asString()).isEqualTo("boss@" + slug + ".test");
        String token = created.body().path("adminApiToken").asString();
        assertThat(token).startsWith("ori_");

        Reply users = api.get(token, "/api/v1/users");
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.body().path("items").path(0).path("email").asString()).isEqualTo("boss@" + slug + ".test");
        assertThat(users.body().path("items").path(0).path("role").asString()).isEqualTo("ADMIN");
        assertThat(users.body().path("total").asLong()).isEqualTo(1);
        assertThat(api.get(token, "/api/v1/sla/policies").body().size()).as("default SLA policies").isPositive();
    }

    @Test
    void theAdminTokenIsShownOnceAndNeverAgain() {
        String slug = newSlug();
        String token = provision(slug).body().path("adminApiToken").asString();

        Reply tenant = api.get(OPERATOR, TENANTS + "/" + slug);
        Reply tokens = api.get(token, "/api/v1/tokens");

        assertThat(tenant.body().toString()).doesNotContain(token).doesNotContain("adminApiToken");
        assertThat(api.get(OPERATOR, TENANTS).body().toString()).doesNotContain(token);
        assertThat(tokens.body().size()).isEqualTo(1);
        assertThat(tokens.body().toString()).doesNotContain(token);
    }

    @Test
    void theFirstAdminSignsInWithTheGivenPassword() throws Exception {
        String slug = newSlug();
        provision(slug);

        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("tenant", slug)
                .param("email", "boss@" + slug + ".test").param("password", PASSWORD))
                .andExpect(redirectedUrl("/workspace")).andReturn().getRequest().getSession();

        mvc.perform(get("/console").session(session)).andExpect(status().isOk());
    }

    @Test
    void invalidRequestsAreRefusedWith422NamingTheField() {
        String slug = newSlug();
        String email = "boss@" + slug + ".test";
        String[][] cases = {
                { request("Not A Slug!", "Acme", email, PASSWORD), "slug", "INVALID_SLUG" },
                { request("a", "Acme", email, PASSWORD), "slug", "INVALID_SLUG" },
                { request(null, "Acme", email, PASSWORD), "slug", "INVALID_SLUG" },
                { request(slug, null, email, PASSWORD), "name", "INVALID_NAME" },
                { request(slug, "   ", email, PASSWORD), "name", "INVALID_NAME" },
                { request(slug, "Acme", "not-an-e-mail", PASSWORD), "adminEmail", "INVALID_EMAIL" },
                { request(slug, "Acme", null, PASSWORD), "adminEmail", "INVALID_EMAIL" },
                { request(slug, "Acme", email, "short"), "adminPassword", "WEAK_PASSWORD" },
                { request(slug, "Acme", email, null), "adminPassword", "WEAK_PASSWORD" },
                { "{\"slug\": \"" + slug + "\", \"name\": \"Acme\", \"adminEmail\": \"" + email
                        + "\", \"adminPassword\": \"" + PASSWORD + "\", \"timeZone\": \"Mars/Olympus\"}",
                        "timeZone", "UNKNOWN_TIME_ZONE" },
                { "{\"slug\": \"" + slug + "\", \"name\": \"Acme\", \"adminEmail\": \"" + email
                        + "\", \"adminPassword\": \"" + PASSWORD + "\", \"locale\": \"fr\"}",
                        "locale", "UNSUPPORTED_LOCALE" } };

        for (String[] c : cases) {
            Reply reply = api.post(OPERATOR, TENANTS, c[0]);

            assertThat(reply.status()).as(c[0]).isEqualTo(422);
            assertThat(reply.contentType()).as(c[0]).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(reply.body().path("field").asString()).as(c[0]).isEqualTo(c[1]);
            assertThat(reply.errorField(0)).as(c[0]).isEqualTo(c[1]);
            assertThat(reply.body().path("reason").asString()).as(c[0]).isEqualTo(c[2]);
        }
        assertThat(api.get(OPERATOR, TENANTS + "/" + slug).status()).as("nothing half-created").isEqualTo(404);
    }

    @Test
    void aBodyThatIsNotJsonIsAProblemToo() {
        Reply reply = api.post(OPERATOR, TENANTS, "{\"slug\": ");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }

    @Test
    void aTakenSlugAnswers409AndLeavesTheFirstTenantAlone() {
        String slug = newSlug();
        String firstToken = provision(slug).body().path("adminApiToken").asString();

        Reply again = api.post(OPERATOR, TENANTS, request(slug, "Impostor", "evil@" + slug + ".test", PASSWORD));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(again.body().path("field").asString()).isEqualTo("slug");
        assertThat(again.body().path("reason").asString()).isEqualTo("SLUG_TAKEN");
        assertThat(api.get(OPERATOR, TENANTS + "/" + slug).body().path("name").asString()).isEqualTo("Acme Ltd");
        assertThat(api.get(firstToken, "/api/v1/users").body().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void withoutTheOperatorTokenThePlatformAnswers401Problem() {
        String slug = newSlug();
        for (String token : new String[] { null, "wrong", OPERATOR + "x", OPERATOR.substring(1) }) {
            Reply reply = api.post(token, TENANTS, request(slug, "Acme", "boss@" + slug + ".test", PASSWORD));

            assertThat(reply.status()).as(String.valueOf(token)).isEqualTo(401);
            assertThat(reply.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(api.get(token, TENANTS).status()).isEqualTo(401);
        }
        Reply basic = api.send(null, MockMvcRequestBuilders.request(HttpMethod.GET, TENANTS)
                .header("Authorization", "Basic b3BlcmF0b3I6" + OPERATOR));
        assertThat(basic.status()).isEqualTo(401);
        assertThat(api.get(OPERATOR, TENANTS + "/" + slug).status()).isEqualTo(404);
    }

    @Test
    void tenantTokensCannotCallThePlatformNorTheOperatorTokenATenantsApi() {
        String slug = newSlug();
        String adminToken = provision(slug).body().path("adminApiToken").asString();

        Reply asTenantAdmin = api.post(adminToken, TENANTS, request(newSlug(), "Mine", "me@x.test", PASSWORD));
        Reply listAsTenantAdmin = api.get(adminToken, TENANTS);
        Reply suspendAsTenantAdmin = api.post(adminToken, TENANTS + "/" + slug + "/suspend", "");
        Reply asOperator = api.get(OPERATOR, "/api/v1/users");

        assertThat(asTenantAdmin.status()).isEqualTo(401);
        assertThat(listAsTenantAdmin.status()).isEqualTo(401);
        assertThat(suspendAsTenantAdmin.status()).isEqualTo(401);
        assertThat(asOperator.status()).isEqualTo(401);
        assertThat(asOperator.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(api.get(OPERATOR, TENANTS + "/" + slug).body().path("status").asString()).isEqualTo("active");
    }

    @Test
    void theOperatorListsTenantsAndReadsOne() {
        String first = newSlug();
        String second = newSlug();
        provision(first);
        provision(second);

        Reply list = api.get(OPERATOR, TENANTS);
        Reply one = api.get(OPERATOR, TENANTS + "/" + second);
        Reply unknown = api.get(OPERATOR, TENANTS + "/no-such-tenant");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().valueStream().map(t -> t.path("slug").asString())).contains(first, second);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body().path("slug").asString()).isEqualTo(second);
        assertThat(one.body().path("status").asString()).isEqualTo("active");
        assertThat(one.body().has("createdAt")).isTrue();
        assertThat(one.body().has("suspendedAt")).isFalse();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }

    @Test
    void suspendingAndResumingAreShownOnTheTenant() {
        String slug = newSlug();
        provision(slug);

        JsonNode suspended = api.post(OPERATOR, TENANTS + "/" + slug + "/suspend", "").body();
        JsonNode twice = api.post(OPERATOR, TENANTS + "/" + slug + "/suspend", "").body();
        JsonNode resumed = api.post(OPERATOR, TENANTS + "/" + slug + "/resume", "").body();

        assertThat(suspended.path("status").asString()).isEqualTo("suspended");
        assertThat(suspended.has("suspendedAt")).isTrue();
        assertThat(twice.path("suspendedAt")).as("the first time is kept").isEqualTo(suspended.path("suspendedAt"));
        assertThat(resumed.path("status").asString()).isEqualTo("active");
        assertThat(resumed.has("suspendedAt")).isFalse();
        assertThat(api.post(OPERATOR, TENANTS + "/no-such-tenant/suspend", "").status()).isEqualTo(404);
    }

    @Test
    void anActiveTenantIsNotDeleted() {
        String slug = newSlug();
        String token = provision(slug).body().path("adminApiToken").asString();

        Reply refused = api.delete(OPERATOR, TENANTS + "/" + slug);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(refused.body().path("reason").asString()).isEqualTo("NOT_SUSPENDED");
        assertThat(api.get(token, "/api/v1/users").status()).isEqualTo(200);
        assertThat(api.delete(OPERATOR, TENANTS + "/no-such-tenant").status()).isEqualTo(404);
    }
}
