package io.oriole.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import io.oriole.web.api.ApiClient.Reply;
import io.oriole.web.api.ApiFixture.TenantSetup;

/** Every way a request can be wrong answers an RFC 9457 problem that says what to fix. */
@ApiIntegrationTest
class ApiProblemIntegrationTests {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Autowired
    ApiFixture fixture;

    @Autowired
    ApiClient api;

    TenantSetup tenant;

    @BeforeEach
    void setUp() {
        tenant = fixture.tenant("problems");
    }

    @Test
    void requestWithoutTokenIsUnauthorized() {
        Reply reply = api.get(null, "/api/v1/conversations");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith(PROBLEM_JSON);
        assertThat(reply.body().path("status").asInt()).isEqualTo(401);
    }

    @Test
    void revokedTokenIsUnauthorized() {
        String token = fixture.tokenFor(tenant.id(), tenant.agentUserId());
        long tokenId = api.get(token, "/api/v1/tokens").body().path(0).path("id").asLong();
        assertThat(api.delete(token, "/api/v1/tokens/" + tokenId).status()).isEqualTo(204);

        Reply reply = api.get(token, "/api/v1/conversations");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith(PROBLEM_JSON);
    }

    @Test
    void malformedJsonSaysWhereItBroke() {
        Reply reply = api.post(tenant.adminToken(), "/api/v1/customers", "{\n\"kind\": \"PERSONAL\",\n\"name\": }");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith(PROBLEM_JSON);
        assertThat(reply.body().path("title").asString()).isEqualTo("Unreadable request body");
        assertThat(reply.detail()).startsWith("Malformed JSON at line 3, column 9");
    }

    @Test
    void jsonArrayInsteadOfObjectIsABadRequest() {
        Reply reply = api.post(tenant.adminToken(), "/api/v1/customers", "[1, 2]");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.detail()).isEqualTo("The JSON body must be an object at line 1, column 1.");
    }

    @Test
    void missingBodyIsABadRequest() {
        Reply reply = api.post(tenant.adminToken(), "/api/v1/customers", "");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.detail()).isEqualTo("A JSON request body is required.");
    }

    @Test
    void wrongEnumValueNamesTheFieldAndAllowedValues() {
        Reply reply = api.post(tenant.adminToken(), "/api/v1/customers", """
                {"kind": "COMPANY", "name": "Acme"}""");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorField(0)).isEqualTo("kind");
        assertThat(reply.body().path("errors").path(0).path("reason").asString())
                .isEqualTo("must be one of [PERSONAL, ENTERPRISE], not 'COMPANY'");
    }

    @Test
    void wrongEnumInQueryParameterNamesTheParameter() {
        Reply reply = api.get(tenant.adminToken(), "/api/v1/conversations?status=SLEEPING");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorField(0)).isEqualTo("status");
        assertThat(reply.detail()).contains("OPEN", "RESOLVED");
    }

    @Test
    void wrongTypeNamesTheField() {
        Reply reply = api.post(tenant.adminToken(), "/api/v1/conversations", """
                {"customerId": "abc", "channel": "CHAT", "message": "hi"}""");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorField(0)).isEqualTo("customerId");
    }

    @Test
    void missingAndInvalidFieldsAreListedOneByOne() {
        Reply reply = api.post(tenant.adminToken(), "/api/v1/customers", """
                {"email": "not-an-address"}""");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("title").asString()).isEqualTo("Invalid request");
        assertThat(reply.body().path("errors").valueStream().map(e -> e.path("field").asString()))
                .containsExactlyInAnyOrder("kind", "name", "email");
    }

    @Test
    void overLongMessageIsRejectedWithItsField() {
        Reply reply = api.post(tenant.agentToken(), "/api/v1/conversations/" + tenant.conversationId()
                + "/messages", "{\"body\": \"" + "x".repeat(10_001) + "\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorField(0)).isEqualTo("body");
        assertThat(reply.body().path("errors").path(0).path("reason").asString()).contains("10000");
    }

    @Test
    void pageSizeAboveTwoHundredIsRejected() {
        Reply reply = api.get(tenant.adminToken(), "/api/v1/customers?size=201");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorField(0)).isEqualTo("size");
    }

    @Test
    void unknownIdIsNotFound() {
        Reply reply = api.get(tenant.adminToken(), "/api/v1/conversations/987654321");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith(PROBLEM_JSON);
        assertThat(reply.detail()).isEqualTo("conversation 987654321 not found");
    }

    @Test
    void moduleRuleViolationIsUnprocessableWithTheModulesMessage() {
        Reply reply = api.put(tenant.adminToken(), "/api/v1/agents/" + tenant.agentId(), """
                {"displayName": "Alex", "tier": "L2", "maxConcurrent": 3, "languages": ["en"],
                 "departments": ["no-such-team"]}""");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.detail()).isEqualTo("unknown department no-such-team");
    }

    @Test
    void changingAClosedConversationIsAConflict() {
        String uri = "/api/v1/conversations/" + tenant.conversationId() + "/status";
        assertThat(api.put(tenant.agentToken(), uri, "{\"status\": \"CLOSED\"}").status()).isEqualTo(200);

        Reply reply = api.put(tenant.agentToken(), uri, "{\"status\": \"OPEN\"}");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.detail()).isEqualTo("a closed conversation cannot change status");
    }

    @Test
    void unsupportedMediaTypeIsAProblem() {
        Reply reply = api.send(tenant.adminToken(), post("/api/v1/customers").contentType(MediaType.TEXT_PLAIN)
                .content("name=Acme"));

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.contentType()).startsWith(PROBLEM_JSON);
    }

    @Test
    void unsupportedMethodIsAProblem() {
        Reply reply = api.send(tenant.adminToken(), patch("/api/v1/customers/" + tenant.customerId()));

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.contentType()).startsWith(PROBLEM_JSON);
    }

    @Test
    void unknownApiPathIsANotFoundProblem() {
        Reply reply = api.get(tenant.adminToken(), "/api/v1/no-such-thing");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith(PROBLEM_JSON);
    }

    @Test
    void replyWithoutAgentProfileSaysOneIsNeeded() {
        Reply reply = api.post(tenant.adminToken(), "/api/v1/conversations/" + tenant.conversationId()
                + "/messages", "{\"body\": \"Hello from the admin\"}");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.detail()).contains("agent profile");
    }

    @Test
    void agentCannotCreateUsers() {
        Reply reply = api.post(tenant.agentToken(), "/api/v1/users", """
                {"email": "new@example.com", "displayName": "New", "password": "long-enough-pw", "role": "AGENT"}""");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).startsWith(PROBLEM_JSON);
        assertThat(reply.body().path("status").asInt()).isEqualTo(403);
    }

    @Test
    void customerThatFailsValidationLeavesNoRow() {
        long before = fixture.rows("customer", tenant.id());

        Reply reply = api.post(tenant.adminToken(), "/api/v1/customers", """
                {"kind": "ENTERPRISE", "name": "Acme buyer", "email": "buyer@acme.example"}""");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorField(0)).isEqualTo("organisation");
        assertThat(fixture.rows("customer", tenant.id())).isEqualTo(before);
    }

    @Test
    void conversationThatFailsValidationLeavesNoRows() {
        long conversations = fixture.rows("conversation", tenant.id());
        long messages = fixture.rows("message", tenant.id());

        Reply reply = api.post(tenant.adminToken(), "/api/v1/conversations", "{\"customerId\": "
                + tenant.customerId() + ", \"channel\": \"API\", \"message\": \"" + "x".repeat(10_001) + "\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(fixture.rows("conversation", tenant.id())).isEqualTo(conversations);
        assertThat(fixture.rows("message", tenant.id())).isEqualTo(messages);
    }
}
