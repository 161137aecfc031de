package io.oriole.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.oriole.web.api.ApiClient;
import io.oriole.web.api.ApiClient.Reply;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deleting a tenant that has lived: staff, agents, a customer who chatted on the widget, the bot, triage, routing,
 * SLA and knowledge all wrote rows of it through the real APIs. Afterwards every table with a {@code tenant_id}
 * column (found in the database's own metadata, so a table added later is covered without touching this test) has
 * no row of it, and a second tenant with the same kind of data has exactly the rows it had. Run on H2 and on
 * PostgreSQL by the subclasses; {@link #operatorToken()} is the operator token of the application under test.
 */
abstract class TenantDeletionScenario {

    static final String PASSWORD = "first-admin-password";

    @Autowired
    ApiClient api;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    JsonMapper json;

    abstract String operatorToken();

    record Lived(String slug, long id, String adminToken) {
    }

    @Test
    void deletingASuspendedTenantLeavesNoRowOfItInAnyTableAndNoOtherTenantLosesOne() throws Exception {
        Lived doomed = liveATenant();
        Lived kept = liveATenant();
        settle(doomed);
        settle(kept);
        TreeSet<String> tables = tablesWithTenantId();
        assertThat(tables).as("tables found in the metadata").hasSizeGreaterThan(30)
                .contains("message", "routing_history", "sla_clock", "knowledge_entry", "api_token");
        Map<String, Long> doomedBefore = rowsPerTable(tables, doomed.id());
        Map<String, Long> keptBefore = rowsPerTable(tables, kept.id());
        assertThat(doomedBefore).as("the tenant has lived").allSatisfy((table, rows) -> {
            if (java.util.Set.of("app_user", "api_token", "agent", "agent_skill", "agent_presence", "customer",
                    "conversation", "message", "triage_result", "routing_history", "routing_queue", "sla_calendar",
                    "sla_policy", "sla_clock", "knowledge_entry", "knowledge_entry_version", "bot_settings")
                    .contains(table)) {
                assertThat(rows).as(table).isPositive();
            }
        });

        assertThat(api.post(operatorToken(), "/platform/v1/tenants/" + doomed.slug() + "/suspend", "").status())
                .isEqualTo(200);
        Reply deleted = api.delete(operatorToken(), "/platform/v1/tenants/" + doomed.slug());

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(rowsPerTable(tables, doomed.id())).as("rows of the deleted tenant")
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM tenant WHERE id = :id").param("id", doomed.id()).query(Long.class)
                .single()).isZero();
        assertThat(rowsPerTable(tables, kept.id())).isEqualTo(keptBefore);
        assertThat(api.get(operatorToken(), "/platform/v1/tenants/" + doomed.slug()).status()).isEqualTo(404);
        assertThat(api.get(doomed.adminToken(), "/api/v1/users").status()).isEqualTo(401);
        assertThat(api.get(kept.adminToken(), "/api/v1/users").body().path("total").asLong()).isEqualTo(2);
        assertThat(mvc.perform(post("/widget/api/" + doomed.slug() + "/session")
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    /** A tenant provisioned by the operator, then used through its API and its widget as a real one would be. */
    Lived liveATenant() throws Exception {
        String slug = "doomed-" + UUID.randomUUID().toString().substring(0, 8);
        Reply created = api.post(operatorToken(), "/platform/v1/tenants", PlatformApiIntegrationTests.request(slug,
                "Doomed Ltd", "boss@" + slug + ".test", PASSWORD));
        assertThat(created.status()).isEqualTo(201);
        long tenantId = created.body().path("tenant").path("id").asLong();
        long adminUserId = created.body().path("adminUserId").asLong();
        String admin = created.body().path("adminApiToken").asString();

        long agentUser = ok(api.post(admin, "/api/v1/users", """
                {"email": "agent@%s.test", "displayName": "Alex Agent", "password": "%s", "role": "AGENT"}"""
                .formatted(slug, PASSWORD))).path("id").asLong();
        ok(api.post(admin, "/api/v1/agents", """
                {"userId": %d, "displayName": "Alex Agent", "tier": "L1", "maxConcurrent": 3, "languages": ["en"],
                 "skills": {"refunds": 2}}""".formatted(agentUser)));
        long adminAgent = ok(api.post(admin, "/api/v1/agents", """
                {"userId": %d, "displayName": "Ada Admin", "tier": "L2", "maxConcurrent": 5, "languages": ["en"],
                 "skills": {"billing": 4}}""".formatted(adminUserId))).path("id").asLong();
        ok(api.put(admin, "/api/v1/presence", "{\"status\": \"ONLINE\"}"));
        ok(api.put(admin, "/api/v1/routing/queues/general", """
                {"name": "General", "position": 1, "minTier": "L1"}"""));
        ok(api.put(admin, "/api/v1/bot/settings", """
                {"enabled": true, "minConfidence": 0.6, "maxUnhelpful": 2, "handoffOnVip": true,
                 "handoffOnUrgent": true, "handoffOnNegative": true}"""));
        ok(api.post(admin, "/api/v1/knowledge/entries", """
                {"title": "Where is my parcel?", "body": "Parcels arrive within five working days.",
                 "category": "shipping", "language": "EN"}"""));
        ok(api.post(admin, "/api/v1/tokens", "{\"name\": \"provisioning script\"}"));

        String visitor = json.readTree(mvc.perform(post("/widget/api/" + slug + "/session")
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Casey\", \"locale\": \"en\"}"))
                .andReturn().getResponse().getContentAsString()).path("token").asString();
        int sent = mvc.perform(post("/widget/api/" + slug + "/messages").header("X-Visitor-Token", visitor)
                .contentType(MediaType.APPLICATION_JSON).content("{\"clientMessageId\": \"cm-" + UUID.randomUUID()
                        + "\", \"text\": \"My parcel has not arrived, I want a refund\"}"))
                .andReturn().getResponse().getStatus();
        assertThat(sent).isEqualTo(201);

        JsonNode conversation = ok(api.get(admin, "/api/v1/conversations?view=all")).path("items").path(0);
        long conversationId = conversation.path("id").asLong();
        long customerId = conversation.path("customerId").asLong();
        ok(api.put(admin, "/api/v1/customers/" + customerId + "/account", "{\"employees\": 12}"));
        ok(api.put(admin, "/api/v1/conversations/" + conversationId + "/assign", "{\"agentId\": " + adminAgent + "}"));
        ok(api.post(admin, "/api/v1/conversations/" + conversationId + "/messages",
                "{\"body\": \"Sorry about that, a refund is on its way.\"}"));
        ok(api.put(admin, "/api/v1/conversations/" + conversationId + "/status", "{\"status\": \"RESOLVED\"}"));
        return new Lived(slug, tenantId, admin);
    }

    /**
     * Waits until the asynchronous listeners (triage, routing history, SLA, bot) are done with the tenant: rows
     * they write after the deletion would otherwise be counted against it.
     */
    void settle(Lived tenant) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(count("triage_result", tenant.id())).isPositive();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM routing_history WHERE tenant_id = :t AND finished_at IS NOT NULL")
                    .param("t", tenant.id()).query(Long.class).single()).isPositive();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
                    .query(Long.class).single()).isZero();
        });
    }

    private static JsonNode ok(Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isBetween(200, 299);
        return reply.body();
    }

    private long count(String table, long tenant) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = :t").param("t", tenant)
                .query(Long.class).single();
    }

    private Map<String, Long> rowsPerTable(TreeSet<String> tables, long tenant) {
        Map<String, Long> rows = new TreeMap<>();
        for (String table : tables) {
            rows.put(table, count(table, tenant));
        }
        return rows;
    }

    /** Every table of the application's schema with a {@code tenant_id} column, from the JDBC metadata. */
    private TreeSet<String> tablesWithTenantId() throws SQLException {
        TreeSet<String> tables = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet columns = connection.getMetaData().getColumns(connection.getCatalog(),
                        connection.getSchema(), "%", "tenant_id")) {
            while (columns.next()) {
                tables.add(columns.getString("TABLE_NAME"));
            }
        }
        return tables;
    }
}
