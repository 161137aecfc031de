package io.oriole.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.oriole.web.api.ApiClient.Reply;
import io.oriole.web.api.ApiFixture.TenantSetup;

/** Staff text passes the same rule as the customers': refused with 422 naming the field, nothing stored. */
@ApiIntegrationTest
class StaffTextApiIntegrationTests {

    @Autowired
    ApiFixture fixture;
    @Autowired
    ApiClient api;

    @Test
    void repliesAndNotesWithANulOrALoneSurrogateAreRefusedNamingTheBody() {
        TenantSetup t = fixture.tenant("staff-text");
        String messages = "/api/v1/conversations/" + t.conversationId() + "/messages";
        long before = fixture.rows("message", t.id());

        Reply reply = api.post(t.agentToken(), messages, "{\"body\":\"on it\\u0000\"}");
        Reply note = api.post(t.adminToken(), messages, "{\"body\":\"\\udc00 odd\",\"internal\":true}");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.body().path("field").asString()).isEqualTo("body");
        assertThat(reply.body().path("reason").asString()).isEqualTo("INVALID_CHARACTER");
        assertThat(note.status()).isEqualTo(422);
        assertThat(note.body().path("field").asString()).isEqualTo("body");
        assertThat(fixture.rows("message", t.id())).isEqualTo(before);
    }

    @Test
    void aReplyOfOnlyZeroWidthCharactersIsRefused() {
        TenantSetup t = fixture.tenant("staff-text");

        Reply reply = api.post(t.agentToken(), "/api/v1/conversations/" + t.conversationId() + "/messages",
                "{\"body\":\"\\u200b\\u2060\\ufeff\"}");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.body().path("reason").asString()).isEqualTo("NOTHING_VISIBLE");
    }

    @Test
    void aCustomerNameWithANulIsRefusedNamingTheName() {
        TenantSetup t = fixture.tenant("staff-text");

        Reply created = api.post(t.adminToken(), "/api/v1/customers", "{\"kind\":\"PERSONAL\",\"name\":\"Eve\\u0000\"}");
        Reply updated = api.put(t.adminToken(), "/api/v1/customers/" + t.customerId(),
                "{\"kind\":\"PERSONAL\",\"name\":\"\\u202e\\u200b\"}");

        assertThat(created.status()).isEqualTo(422);
        assertThat(created.body().path("field").asString()).isEqualTo("name");
        assertThat(updated.status()).isEqualTo(422);
        assertThat(updated.body().path("reason").asString()).isEqualTo("NOTHING_VISIBLE");
    }
}
