package io.oriole.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;


import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.oriole.identity.Role;
import io.oriole.web.api.ApiClient.Reply;
import io.oriole.web.api.ApiFixture.TenantSetup;
import tools.jackson.databind.JsonNode;

/** Routing through the REST API: offers, transfer, escalation, collaborators, presence, settings and decisions. */
@ApiIntegrationTest
class RoutingApiIntegrationTests {

    @Autowired
    ApiFixture fixture;

    @Autowired
    ApiClient api;

    private JsonNode offerFor(TenantSetup t) {
        assertThat(api.put(t.agentToken(), "/api/v1/presence", "{\"status\": \"ONLINE\"}").body().path("status")
                .asString()).isEqualTo("ONLINE");
        // Routing runs after the presence change commits, on the module listener's thread.
        await().until(() -> !api.get(t.agentToken(), "/api/v1/offers").body()
                .isEmpty());
        return api.get(t.agentToken(), "/api/v1/offers").body().path(0);
    }

    @Test
    void agentWhoComesOnlineIsOfferedTheWaitingConversationAndAcceptsIt() {
        TenantSetup t = fixture.tenant("routing-accept");

        JsonNode offer = offerFor(t);
        assertThat(offer.path("conversationId").asLong()).isEqualTo(t.conversationId());
        Reply accepted = api.post(t.agentToken(), "/api/v1/offers/" + offer.path("id").asLong() + "/accept", "");

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(api.get(t.agentToken(), "/api/v1/conversations/" + t.conversationId()).body()
                .path("assigneeAgentId").asLong()).isEqualTo(t.agentId());
        Reply again = api.post(t.agentToken(), "/api/v1/offers/" + offer.path("id").asLong() + "/decline", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.detail()).isEqualTo("the offer is no longer open: accepted");
        Reply decisions = api.get(t.adminToken(), "/api/v1/routing/decisions?conversationId=" + t.conversationId());
        assertThat(decisions.body().path(0).path("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(api.get(t.agentToken(), "/api/v1/routing/decisions").status()).isEqualTo(403);
    }

    @Test
    void declinedOfferIsRecordedWithItsReason() {
        TenantSetup t = fixture.tenant("routing-decline");
        JsonNode offer = offerFor(t);

        Reply declined = api.post(t.agentToken(), "/api/v1/offers/" + offer.path("id").asLong() + "/decline",
                "{\"reason\": \"on a call\"}");

        assertThat(declined.body().path("status").asString()).isEqualTo("DECLINED");
        assertThat(api.get(t.adminToken(), "/api/v1/routing/decisions?conversationId=" + t.conversationId()).body())
                .anySatisfy(d -> assertThat(d.path("reasons").asString())
                        .isEqualTo("declined by Alex Agent: on a call"));
    }

    @Test
    void transferNamesExactlyOneTarget() {
        TenantSetup t = fixture.tenant("routing-transfer");
        String uri = "/api/v1/conversations/" + t.conversationId() + "/transfer";

        Reply none = api.post(t.agentToken(), uri, "{\"note\": \"over to you\"}");
        Reply two = api.post(t.agentToken(), uri, "{\"queue\": \"x\", \"department\": \"billing\"}");
        Reply unknownQueue = api.post(t.agentToken(), uri, "{\"queue\": \"nowhere\"}");

        assertThat(none.status()).isEqualTo(400);
        assertThat(none.errorField(0)).isEqualTo("agentId");
        assertThat(two.status()).isEqualTo(400);
        assertThat(unknownQueue.errorField(0)).isEqualTo("queue");
        assertThat(api.get(t.adminToken(), "/api/v1/routing/decisions").body())
                .noneSatisfy(d -> assertThat(d.path("outcome").asString()).isEqualTo("TRANSFERRED"));
    }

    @Test
    void transferToAnOfflineAgentIsRefusedNamingTheAgent() {
        TenantSetup t = fixture.tenant("routing-offline");
        String conversation = "/api/v1/conversations/" + t.conversationId();
        String ownerBefore = api.get(t.adminToken(), conversation).body().path("assigneeAgentId").toString();

        Reply refused = api.post(t.adminToken(), conversation + "/transfer", "{\"agentId\": " + t.agentId()
                + ", \"note\": \"please take over\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorField(0)).isEqualTo("agentId");
        assertThat(api.get(t.adminToken(), conversation).body().path("assigneeAgentId").toString())
                .isEqualTo(ownerBefore).isNotEqualTo(Long.toString(t.agentId()));

        api.put(t.agentToken(), "/api/v1/presence", "{\"status\": \"ONLINE\"}");
        assertThat(api.post(t.adminToken(), conversation + "/transfer", "{\"agentId\": " + t.agentId()
                + ", \"note\": \"please take over\"}").status()).isEqualTo(202);
        assertThat(api.get(t.adminToken(), conversation).body().path("assigneeAgentId").asLong())
                .isEqualTo(t.agentId());
    }

    @Test
    void transferToADepartmentKeepsTheOwnerAndLeavesANote() {
        TenantSetup t = fixture.tenant("routing-dept");
        String conversation = "/api/v1/conversations/" + t.conversationId();
        api.put(t.adminToken(), conversation + "/assign", "{\"agentId\": " + t.agentId() + "}");

        Reply moved = api.post(t.agentToken(), conversation + "/transfer",
                "{\"department\": \"billing\", \"note\": \"refund needs billing\"}");

        assertThat(moved.status()).isEqualTo(202);
        assertThat(api.get(t.agentToken(), conversation).body().path("assigneeAgentId").asLong())
                .isEqualTo(t.agentId());
        assertThat(api.get(t.agentToken(), conversation + "/messages?includeInternal=true").body())
                .anySatisfy(m -> assertThat(m.path("body").asString()).contains("refund needs billing"));
    }

    @Test
    void specialistIsInvitedForNotesOnly() {
        TenantSetup t = fixture.tenant("routing-invite");
        var user = fixture.user(t.id(), "rnd@" + t.id().value() + ".test", Role.AGENT);
        String body = api.post(t.adminToken(), "/api/v1/agents", "{\"userId\": " + user.id() + ", \"displayName\": "
                + "\"Rita\", \"tier\": \"L3\", \"maxConcurrent\": 3, \"languages\": [\"en\"], \"departments\": "
                + "[\"billing\"]}").body().path("id").asString();
        String uri = "/api/v1/conversations/" + t.conversationId() + "/collaborators";

        Reply invited = api.post(t.agentToken(), uri, "{\"agentId\": " + body + ", \"canReply\": false}");
        Reply unknown = api.post(t.agentToken(), uri, "{\"agentId\": 999999}");

        assertThat(invited.status()).isEqualTo(201);
        assertThat(invited.body().path("role").asString()).isEqualTo("COLLABORATOR");
        assertThat(invited.body().path("canReply").asBoolean()).isFalse();
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorField(0)).isEqualTo("agentId");
    }

    @Test
    void settingsRejectAnUnknownPolicyByField() {
        TenantSetup t = fixture.tenant("routing-settings");

        Reply bad = api.put(t.adminToken(), "/api/v1/routing/settings",
                "{\"policy\": \"random\", \"offerTimeoutSeconds\": 30, \"autoAccept\": false}");
        Reply good = api.put(t.adminToken(), "/api/v1/routing/settings",
                "{\"policy\": \"fifo\", \"offerTimeoutSeconds\": 45, \"autoAccept\": true}");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorField(0)).isEqualTo("policy");
        assertThat(good.body().path("offerTimeoutSeconds").asLong()).isEqualTo(45);
        assertThat(api.get(t.adminToken(), "/api/v1/routing/settings").body().path("policy").asString())
                .isEqualTo("fifo");
    }

    @Test
    void anotherTenantsIdsAnswer404AndChangeNothing() {
        TenantSetup a = fixture.tenant("routing-a");
        TenantSetup b = fixture.tenant("routing-b");
        JsonNode bOffer = offerFor(b);
        long bDecisions = fixture.rows("routing_decision", b.id());
        long bParticipants = fixture.rows("conversation_participant", b.id());
        String conversation = "/api/v1/conversations/" + b.conversationId();
        api.put(a.agentToken(), "/api/v1/presence", "{\"status\": \"ONLINE\"}");

        assertThat(api.post(a.agentToken(), "/api/v1/offers/" + bOffer.path("id").asLong() + "/accept", "").status())
                .isEqualTo(404);
        assertThat(api.post(a.agentToken(), "/api/v1/offers/" + bOffer.path("id").asLong() + "/decline", "{}")
                .status()).isEqualTo(404);
        assertThat(api.post(a.adminToken(), conversation + "/transfer", "{\"agentId\": " + a.agentId() + "}")
                .status()).isEqualTo(404);
        assertThat(api.post(a.adminToken(), conversation + "/escalate", "{}").status()).isEqualTo(404);
        assertThat(api.post(a.adminToken(), conversation + "/collaborators", "{\"agentId\": " + a.agentId() + "}")
                .status()).isEqualTo(404);
        assertThat(api.delete(a.adminToken(), conversation + "/collaborators/" + b.agentId()).status())
                .isEqualTo(404);
        assertThat(api.get(a.adminToken(), conversation + "/wait").status()).isEqualTo(404);
        assertThat(api.get(a.adminToken(), "/api/v1/routing/decisions?conversationId=" + b.conversationId())
                .status()).isEqualTo(404);
        assertThat(api.put(a.adminToken(), "/api/v1/routing/dedicated-agents/" + b.customerId(),
                "{\"agentId\": " + a.agentId() + "}").status()).isEqualTo(404);

        assertThat(fixture.rows("routing_decision", b.id())).isEqualTo(bDecisions);
        assertThat(fixture.rows("conversation_participant", b.id())).isEqualTo(bParticipants);
        assertThat(api.get(b.agentToken(), "/api/v1/offers").body().path(0).path("status").asString())
                .isEqualTo("OFFERED");
        assertThat(api.get(b.adminToken(), conversation).body().path("assigneeAgentId").isNumber()).isFalse();
    }
}
