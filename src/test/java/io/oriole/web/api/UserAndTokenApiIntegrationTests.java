package io.oriole.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.oriole.web.api.ApiClient.Reply;
import io.oriole.web.api.ApiFixture.TenantSetup;

@ApiIntegrationTest
class UserAndTokenApiIntegrationTests {

    @Autowired
    ApiFixture fixture;

    @Autowired
    ApiClient api;

    TenantSetup tenant;

    @BeforeEach
    void setUp() {
        tenant = fixture.tenant("users");
    }

    @Test
    void adminCreatesAUserAndNeverSeesThePasswordAgain() {
        Reply created = api.post(tenant.adminToken(), "/api/v1/users", """
                {"email": "Mei@Example.com", "displayName": "Mei", "password": "a-long-password", "role": "SUPERVISOR",
                 "locale": "zh-CN"}""");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("email").asString()).isEqualTo("mei@example.com");
        assertThat(created.body().has("password")).isFalse();
        assertThat(created.body().has("passwordHash")).isFalse();
        Reply read = api.get(tenant.adminToken(), "/api/v1/users/" + created.body().path("id").asLong());
        assertThat(read.body().path("role").asString()).isEqualTo("SUPERVISOR");
        assertThat(read.body().has("passwordHash")).isFalse();
    }

    @Test
    void shortPasswordIsRejectedAndNoUserIsStored() {
        long before = fixture.rows("app_user", tenant.id());

        Reply reply = api.post(tenant.adminToken(), "/api/v1/users", """
                {"email": "short@example.com", "displayName": "Short", "password": "123456789", "role": "AGENT"}""");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorField(0)).isEqualTo("password");
        assertThat(fixture.rows("app_user", tenant.id())).isEqualTo(before);
    }

    @Test
    void duplicateEmailIsAConflict() {
        Reply reply = api.post(tenant.adminToken(), "/api/v1/users", "{\"email\": \"agent@"
                + api.get(tenant.adminToken(), "/api/v1/users/" + tenant.agentUserId()).body().path("email")
                        .asString().split("@")[1]
                + "\", \"displayName\": \"Twin\", \"password\": \"a-long-password\", \"role\": \"AGENT\"}");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.detail()).contains("already exists");
    }

    @Test
    void adminDisablesAUserWhoseTokensStopWorking() {
        Reply updated = api.put(tenant.adminToken(), "/api/v1/users/" + tenant.agentUserId(), """
                {"displayName": "Alex Agent", "role": "AGENT", "enabled": false}""");

        assertThat(updated.body().path("enabled").asBoolean()).isFalse();
        assertThat(api.get(tenant.agentToken(), "/api/v1/agents").status()).isEqualTo(401);
    }

    @Test
    void usersListIsPaginatedForAdminsOnly() {
        Reply page = api.get(tenant.adminToken(), "/api/v1/users?size=1");

        assertThat(page.body().path("total").asLong()).isEqualTo(2);
        assertThat(page.body().path("items").size()).isEqualTo(1);
        assertThat(api.get(tenant.agentToken(), "/api/v1/users").status()).isEqualTo(403);
    }

    @Test
    void createdTokenIsShownOnceAndListedByPrefixOnly() {
        Reply created = api.post(tenant.agentToken(), "/api/v1/tokens", "{\"name\": \"ci\"}");

        assertThat(created.status()).isEqualTo(201);
        String token = created.body().path("token").asString();
        assertThat(token).startsWith("ori_");
        assertThat(api.get(token, "/api/v1/tokens").status()).isEqualTo(200);
        Reply list = api.get(tenant.agentToken(), "/api/v1/tokens");
        assertThat(list.body().size()).isEqualTo(2);
        list.body().valueStream().forEach(t -> {
            assertThat(t.has("token")).isFalse();
            assertThat(t.has("tokenHash")).isFalse();
        });
        assertThat(list.body().path(0).path("id").asLong()).isEqualTo(created.body().path("id").asLong());
        assertThat(token).startsWith(list.body().path(0).path("prefix").asString());
    }

    @Test
    void revokedTokenIsListedAsRevoked() {
        long id = api.post(tenant.agentToken(), "/api/v1/tokens", "{\"name\": \"old\"}").body().path("id").asLong();

        assertThat(api.delete(tenant.agentToken(), "/api/v1/tokens/" + id).status()).isEqualTo(204);

        Reply list = api.get(tenant.agentToken(), "/api/v1/tokens");
        assertThat(list.body().valueStream().filter(t -> t.path("id").asLong() == id)
                .map(t -> t.has("revokedAt"))).containsExactly(true);
    }

    @Test
    void userCannotRevokeAnotherUsersToken() {
        long adminTokenId = api.get(tenant.adminToken(), "/api/v1/tokens").body().path(0).path("id").asLong();

        Reply reply = api.delete(tenant.agentToken(), "/api/v1/tokens/" + adminTokenId);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(api.get(tenant.adminToken(), "/api/v1/tokens").status()).isEqualTo(200);
    }

    @Test
    void blankTokenNameIsRejected() {
        Reply reply = api.post(tenant.agentToken(), "/api/v1/tokens", "{\"name\": \" \"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorField(0)).isEqualTo("name");
    }
}
