package io.oriole.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import io.oriole.identity.Role;
import io.oriole.simulation.WhatIf;
import io.oriole.simulation.internal.OrioleCsvTrace;
import io.oriole.simulation.internal.Trace;
import io.oriole.simulation.internal.TraceCall;
import io.oriole.web.api.ApiClient.Reply;
import io.oriole.web.api.ApiFixture.TenantSetup;

/** GET /api/v1/routing/history.csv: the tenant's own history, in the simulator's oriole-csv format. */
@ApiIntegrationTest
class RoutingHistoryApiIntegrationTests {

    private static final String EXPORT = "/api/v1/routing/history.csv";

    @Autowired
    ApiFixture fixture;

    @Autowired
    ApiClient api;

    @Autowired
    MockMvc mvc;

    private String supervisorToken(TenantSetup t) {
        var supervisor = fixture.user(t.id(), "lead@" + t.id().value() + ".test", Role.SUPERVISOR);
        return fixture.tokenFor(t.id(), supervisor.id());
    }

    private MockHttpServletResponse export(String token, String query) throws Exception {
        return mvc.perform(get(EXPORT + query).header("Authorization", "Bearer " + token)).andReturn().getResponse();
    }

    private List<String> rows(String token) throws Exception {
        List<String> lines = export(token, "").getContentAsString(StandardCharsets.UTF_8).lines().toList();
        return lines.subList(1, lines.size());
    }

    /** Waits until routing has put the conversation in line (its listener runs after the opening commits). */
    private void inLine(TenantSetup t, long expectedWorkRows) {
        await().until(() -> fixture.rows("routing_work", t.id()) >= expectedWorkRows);
    }

    @Test
    void supervisorExportsAServedAndAnAbandonedConversationThatTheSimulatorReplays() throws Exception {
        TenantSetup t = fixture.tenant("history-export");
        String supervisor = supervisorToken(t);
        // The fixture's conversation waits; the agent comes online, accepts the offer and resolves it.
        api.put(t.agentToken(), "/api/v1/presence", "{\"status\": \"ONLINE\"}");
        await().until(() -> !api.get(t.agentToken(), "/api/v1/offers").body().isEmpty());
        long offer = api.get(t.agentToken(), "/api/v1/offers").body().path(0).path("id").asLong();
        assertThat(api.post(t.agentToken(), "/api/v1/offers/" + offer + "/accept", "").status()).isEqualTo(200);
        assertThat(api.put(t.agentToken(), "/api/v1/conversations/" + t.conversationId() + "/status",
                "{\"status\": \"RESOLVED\"}").status()).isEqualTo(200);
        // A second customer's conversation is closed before any agent took it: the customer gave up.
        api.put(t.agentToken(), "/api/v1/presence", "{\"status\": \"AWAY\"}");
        long second = api.post(t.adminToken(), "/api/v1/conversations", "{\"customerId\": " + t.customerId()
                + ", \"channel\": \"CHAT\", \"message\": \"Anyone there?\"}").body().path("id").asLong();
        inLine(t, 2);
        assertThat(api.put(t.adminToken(), "/api/v1/conversations/" + second + "/status",
                "{\"status\": \"CLOSED\"}").status()).isEqualTo(200);

        await().until(() -> rows(supervisor).size() == 2);
        MockHttpServletResponse response = export(supervisor, "");
        String csv = response.getContentAsString(StandardCharsets.UTF_8);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(csv).startsWith("arrived_at,priority,queue,handling_seconds,abandoned_after_seconds,"
                + "waited_seconds,agent\n");
        Trace trace = OrioleCsvTrace.read("export.csv", new StringReader(csv));
        assertThat(trace.calls()).hasSize(2);
        assertThat(trace.calls()).filteredOn(TraceCall::served).singleElement()
                .satisfies(c -> assertThat(c.server()).isEqualTo("agent-" + t.agentId()));
        assertThat(trace.calls()).filteredOn(c -> !c.served()).singleElement()
                .satisfies(c -> assertThat(c.service()).isZero());
        WhatIf.Report replay = WhatIf.run("export.csv", csv.getBytes(StandardCharsets.UTF_8),
                new WhatIf.Options(WhatIf.ALL, null, Map.of(), 1));
        assertThat(replay.historical().overall().queued()).isEqualTo(2);
        assertThat(replay.historical().overall().abandoned()).isEqualTo(1);
        assertThat(replay.policies()).hasSize(3);
    }

    @Test
    void badPeriodIsAProblemNamingTheField() {
        TenantSetup t = fixture.tenant("history-period");
        String supervisor = supervisorToken(t);

        Reply reversed = api.get(supervisor, EXPORT + "?from=2026-11-10&to=2026-11-01");
        Reply tooLong = api.get(supervisor, EXPORT + "?from=2026-01-01&to=2026-11-01");
        Reply notADate = api.get(supervisor, EXPORT + "?from=yesterday");

        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.contentType()).startsWith("application/problem+json");
        assertThat(reversed.errorField(0)).isEqualTo("from");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.errorField(0)).isEqualTo("to");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.errorField(0)).isEqualTo("from");
        assertThat(notADate.body().path("errors").path(0).path("reason").asString()).contains("yesterday");
    }

    @Test
    void anotherTenantsExportHasNoneOfTheseRows() throws Exception {
        TenantSetup a = fixture.tenant("history-a");
        TenantSetup b = fixture.tenant("history-b");
        inLine(a, 1);
        api.put(a.adminToken(), "/api/v1/conversations/" + a.conversationId() + "/status", "{\"status\": \"CLOSED\"}");
        await().until(() -> rows(a.adminToken()).size() == 1);

        assertThat(rows(b.adminToken())).isEmpty();
        assertThat(export(b.adminToken(), "").getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("arrived_at,priority,queue,handling_seconds,abandoned_after_seconds,waited_seconds,agent\n");
    }

    @Test
    void agentsMayNotExportHistory() throws Exception {
        TenantSetup t = fixture.tenant("history-agent");

        assertThat(export(t.agentToken(), "").getStatus()).isEqualTo(403);
        assertThat(api.get(t.agentToken(), EXPORT).body().path("status").asInt()).isEqualTo(403);
    }
}
