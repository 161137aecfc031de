package io.oriole.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.oriole.knowledge.EntryDraft;
import io.oriole.knowledge.EntryStatus;
import io.oriole.knowledge.KnowledgeEntry;
import io.oriole.knowledge.KnowledgeManagement;
import io.oriole.support.Fixtures;
import io.oriole.support.OrioleIntegrationTest;
import io.oriole.support.RedisAvailableCondition;
import io.oriole.support.RedisPeer;
import io.oriole.support.RequiresRedis;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;
import io.oriole.triage.Language;
import io.oriole.triage.TriageManagement;

/**
 * This node against the real Redis server, with the test playing another node that writes to the shared database
 * behind this node's back: this node's in-memory knowledge index and triage rules stay stale until the other node's
 * announcement arrives, and then follow the database. What this node changes it announces for the others.
 */
@RequiresRedis
@OrioleIntegrationTest
class ClusterChangesRedisIntegrationTests {

    private static final String CHANNEL = "oriole:test:changes:" + UUID.randomUUID();

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("oriole.redis.url", RedisAvailableCondition::url);
        registry.add("oriole.cluster.channel", () -> CHANNEL);
    }

    @Autowired
    TenantManagement tenants;
    @Autowired
    KnowledgeManagement knowledge;
    @Autowired
    TriageManagement triage;
    @Autowired
    JdbcClient jdbc;

    private RedisPeer otherNode;
    private List<String> announced;
    private TenantId tenant;

    @BeforeEach
    void connectAsAnotherNode() {
        otherNode = new RedisPeer(CHANNEL);
        announced = otherNode.heard();
        tenant = Fixtures.tenant(tenants).tenantId();
    }

    @AfterEach
    void disconnect() {
        otherNode.close();
    }

    @Test
    void knowledgeEditedOnAnotherNodeReachesThisNodesIndexWhenAnnounced() {
        KnowledgeEntry entry = knowledge.create(tenant, new EntryDraft("How do I reset the thermostat?",
                "Hold the dial for ten seconds until the light blinks.", List.of("thermostat reset"), "product",
                Language.EN, List.of(), EntryStatus.PUBLISHED), "admin@example.com");
        await().until(() -> announced.stream().anyMatch(m -> m.contains(
                "\"topic\":\"knowledge.entry\"") && m.contains("\"tenantId\":" + tenant.value())
                && m.contains("\"key\":\"" + entry.id() + "\"")));
        assertThat(found(entry)).isTrue();

        // The other node unpublishes it in the shared database; this node's index has not heard yet.
        jdbc.sql("UPDATE knowledge_entry SET status = 'DRAFT' WHERE tenant_id = :t AND id = :id")
                .param("t", tenant.value()).param("id", entry.id()).update();
        assertThat(found(entry)).isTrue();

        announceAsOtherNode("knowledge.entry", Long.toString(entry.id()));

        await().until(() -> !found(entry));
    }

    @Test
    void catalogueChangedOnAnotherNodeReachesThisNodesTriageWhenAnnounced() {
        String message = "我们买的 Aurora Hub X2 一直掉线";
        assertThat(triage.preview(tenant, message).facts().products()).isEmpty();

        jdbc.sql("INSERT INTO triage_product (tenant_id, name) VALUES (:t, 'Aurora Hub X2')")
                .param("t", tenant.value()).update();
        assertThat(triage.preview(tenant, message).facts().products()).isEmpty();

        announceAsOtherNode("triage.rules", "");

        await()
                .until(() -> triage.preview(tenant, message).facts().products().contains("Aurora Hub X2"));
    }

    @Test
    void catalogueChangedHereIsAnnouncedForTheOtherNodes() {
        triage.replaceCatalogue(tenant, List.of("Aurora Hub X2"));

        await().until(() -> announced.stream().anyMatch(m -> m.contains(
                "\"topic\":\"triage.rules\"") && m.contains("\"tenantId\":" + tenant.value())));
        assertThat(triage.preview(tenant, "Aurora Hub X2 掉线").facts().products()).contains("Aurora Hub X2");
    }

    private boolean found(KnowledgeEntry entry) {
        return knowledge.search(tenant, "thermostat reset", 5).stream().anyMatch(m -> m.entry().id() == entry.id());
    }

    private void announceAsOtherNode(String topic, String key) {
        otherNode.publish("{\"node\":\"node-b\",\"topic\":\"" + topic + "\",\"tenantId\":"
                + tenant.value() + ",\"key\":\"" + key + "\"}");
    }
}
