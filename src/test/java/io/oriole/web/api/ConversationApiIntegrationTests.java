package io.oriole.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.oriole.web.api.ApiClient.Reply;
import io.oriole.web.api.ApiFixture.TenantSetup;

@ApiIntegrationTest
class ConversationApiIntegrationTests {

    @Autowired
    ApiFixture fixture;

    @Autowired
    ApiClient api;

    TenantSetup tenant;

    @BeforeEach
    void setUp() {
        tenant = fixture.tenant("conversations");
    }

    @Test
    void openingAConversationStoresTheFirstMessage() {
        Reply opened = api.post(tenant.agentToken(), "/api/v1/conversations", "{\"customerId\": "
                + tenant.customerId() + ", \"channel\": \"EMAIL\", \"message\": \"My invoice is wrong\"}");

        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.body().path("status").asString()).isEqualTo("OPEN");
        assertThat(opened.body().path("subject").asString()).isEqualTo("My invoice is wrong");
        Reply messages = api.get(tenant.agentToken(), "/api/v1/conversations/" + opened.body().path("id").asLong()
                + "/messages");
        assertThat(messages.body().path(0).path("body").asString()).isEqualTo("My invoice is wrong");
        assertThat(messages.body().path(0).path("authorType").asString()).isEqualTo("CUSTOMER");
    }

    @Test
    void listIsPaginatedWithTotal() {
        for (int i = 0; i < 4; i++) {
            api.post(tenant.agentToken(), "/api/v1/conversations", "{\"customerId\": " + tenant.customerId()
                    + ", \"channel\": \"CHAT\", \"message\": \"question " + i + "\"}");
        }

        Reply first = api.get(tenant.agentToken(), "/api/v1/conversations?page=0&size=2");
        Reply last = api.get(tenant.agentToken(), "/api/v1/conversations?page=2&size=2");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("items").size()).isEqualTo(2);
        assertThat(first.body().path("total").asLong()).isEqualTo(5);
        assertThat(first.body().path("page").asInt()).isZero();
        assertThat(first.body().path("size").asInt()).isEqualTo(2);
        assertThat(last.body().path("items").size()).isEqualTo(1);
    }

    @Test
    void viewsFilterMineAndUnassigned() {
        String conversation = "/api/v1/conversations/" + tenant.conversationId();
        api.post(tenant.agentToken(), "/api/v1/conversations", "{\"customerId\": " + tenant.customerId()
                + ", \"channel\": \"CHAT\", \"message\": \"still unassigned\"}");

        Reply assigned = api.put(tenant.adminToken(), conversation + "/assign",
                "{\"agentId\": " + tenant.agentId() + "}");

        assertThat(assigned.body().path("assigneeAgentId").asLong()).isEqualTo(tenant.agentId());
        Reply mine = api.get(tenant.agentToken(), "/api/v1/conversations?view=mine");
        assertThat(mine.body().path("total").asLong()).isEqualTo(1);
        assertThat(mine.body().path("items").path(0).path("id").asLong()).isEqualTo(tenant.conversationId());
        Reply unassigned = api.get(tenant.agentToken(), "/api/v1/conversations?view=unassigned");
        assertThat(unassigned.body().path("total").asLong()).isEqualTo(1);
        assertThat(unassigned.body().path("items").path(0).path("id").asLong())
                .isNotEqualTo(tenant.conversationId());
    }

    @Test
    void statusAndCustomerFiltersNarrowTheList() {
        api.put(tenant.agentToken(), "/api/v1/conversations/" + tenant.conversationId() + "/status",
                "{\"status\": \"RESOLVED\"}");

        Reply resolved = api.get(tenant.agentToken(), "/api/v1/conversations?status=RESOLVED&customerId="
                + tenant.customerId());
        Reply active = api.get(tenant.agentToken(), "/api/v1/conversations");

        assertThat(resolved.body().path("total").asLong()).isEqualTo(1);
        assertThat(active.body().path("total").asLong()).isZero();
    }

    @Test
    void unknownViewIsRejectedWithAllowedValues() {
        Reply reply = api.get(tenant.agentToken(), "/api/v1/conversations?view=everything");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorField(0)).isEqualTo("view");
        assertThat(reply.detail()).isNotBlank();
    }

    @Test
    void agentReplyAndInternalNoteAreReadAfterASeq() {
        String messages = "/api/v1/conversations/" + tenant.conversationId() + "/messages";

        Reply reply = api.post(tenant.agentToken(), messages, "{\"body\": \"It ships today.\"}");
        Reply note = api.post(tenant.agentToken(), messages, "{\"body\": \"VIP, be quick\", \"internal\": true}");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body().path("authorType").asString()).isEqualTo("AGENT");
        assertThat(note.body().path("internal").asBoolean()).isTrue();
        Reply customerVisible = api.get(tenant.agentToken(), messages + "?after=1");
        assertThat(customerVisible.body().size()).isEqualTo(1);
        assertThat(customerVisible.body().path(0).path("body").asString()).isEqualTo("It ships today.");
        Reply withNotes = api.get(tenant.agentToken(), messages + "?after=1&includeInternal=true");
        assertThat(withNotes.body().size()).isEqualTo(2);
        assertThat(withNotes.body().path(1).path("seq").asLong()).isEqualTo(3);
    }

    @Test
    void adminWithoutAgentProfileCanStillAddANote() {
        Reply note = api.post(tenant.adminToken(), "/api/v1/conversations/" + tenant.conversationId()
                + "/messages", "{\"body\": \"Checked the warehouse\", \"internal\": true}");

        assertThat(note.status()).isEqualTo(201);
        assertThat(note.body().path("authorName").asString()).isEqualTo("Ada Admin");
    }

    @Test
    void assigningRecordsTimelineAndParticipants() {
        String conversation = "/api/v1/conversations/" + tenant.conversationId();

        api.put(tenant.adminToken(), conversation + "/assign", "{\"agentId\": " + tenant.agentId() + "}");
        api.put(tenant.agentToken(), conversation + "/status", "{\"status\": \"PENDING\"}");

        Reply timeline = api.get(tenant.agentToken(), conversation + "/timeline");
        assertThat(timeline.body().valueStream().map(e -> e.path("kind").asString()))
                .containsExactly("OPENED", "ASSIGNED", "STATUS");
        Reply participants = api.get(tenant.agentToken(), conversation + "/participants");
        assertThat(participants.body().path(0).path("agentId").asLong()).isEqualTo(tenant.agentId());
        assertThat(participants.body().path(0).path("role").asString()).isEqualTo("OWNER");
        assertThat(api.get(tenant.agentToken(), conversation).body().path("status").asString())
                .isEqualTo("PENDING");
    }

    @Test
    void unassigningWithNullAgentEmptiesTheAssignee() {
        String assign = "/api/v1/conversations/" + tenant.conversationId() + "/assign";
        api.put(tenant.adminToken(), assign, "{\"agentId\": " + tenant.agentId() + "}");

        Reply reply = api.put(tenant.adminToken(), assign, "{\"agentId\": null}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().has("assigneeAgentId")).isFalse();
    }

    @Test
    void assigningToAnUnknownAgentIsNotFound() {
        Reply reply = api.put(tenant.adminToken(), "/api/v1/conversations/" + tenant.conversationId() + "/assign",
                "{\"agentId\": 987654321}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.detail()).isEqualTo("agent 987654321 not found");
    }
}
