package io.oriole.sla.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.oriole.agent.AgentManagement;
import io.oriole.conversation.Channel;
import io.oriole.conversation.ConversationManagement;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerManagement;
import io.oriole.sla.Escalation;
import io.oriole.sla.PolicyConditions;
import io.oriole.sla.SlaBreached;
import io.oriole.sla.SlaEventCollector;
import io.oriole.sla.SlaManagement;
import io.oriole.sla.SlaPolicy;
import io.oriole.sla.SlaTargets;
import io.oriole.support.Fixtures;
import io.oriole.support.MutableClock;
import io.oriole.support.MutableClockConfiguration;
import io.oriole.support.RequiresPostgres;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;
import io.oriole.triage.TriageManagement;

/**
 * Scanners on the real PostgreSQL server: two scanning at once act on each due clock exactly once, and a scanner
 * built afresh on the same database (a restarted node) finds what fell due while it was away and records nothing
 * twice. The scheduled scanner is slowed to once an hour so that only the scanners under test act.
 */
@RequiresPostgres
@SpringBootTest(properties = { "oriole.demo.enabled=false", "oriole.data-dir=target/test-data",
        "oriole.sla.scan-interval=1h" })
@Import({ MutableClockConfiguration.class, SlaEventCollector.class })
class SlaScannerPostgresIntegrationTests {

    static final int CONVERSATIONS = 40;

    @Autowired MutableClock clock;
    @Autowired TenantManagement tenants;
    @Autowired CustomerManagement customers;
    @Autowired ConversationManagement conversations;
    @Autowired TriageManagement triage;
    @Autowired AgentManagement agents;
    @Autowired SlaManagement sla;
    @Autowired SlaOperations operations;
    @Autowired SlaEventCollector collected;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired ApplicationEventPublisher events;
    @Autowired io.oriole.cluster.ClusterChanges cluster;

    @Test
    void twoScannersAtOnceActOnEachDueClockExactlyOnce() throws Exception {
        clock.set(Instant.parse("2026-11-18T02:00:00Z"));
        TenantId tenant = tenantWithOnePolicy();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS; i++) {
            ids.add(open(tenant, "Question " + i));
        }
        awaitRunning(tenant, ids);
        clock.advance(Duration.ofDays(1));

        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> scanner = () -> {
            start.await();
            int acted = 0;
            while (operations.scanNext()) {
                acted++;
            }
            return acted;
        };
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        Future<Integer> a = nodes.submit(scanner);
        Future<Integer> b = nodes.submit(scanner);
        start.countDown();
        int actedA = a.get();
        int actedB = b.get();
        nodes.shutdown();

        assertThat(actedA + actedB).isEqualTo(CONVERSATIONS);
        assertThat(breachRows(tenant, "FIRST_RESPONSE")).isEqualTo(CONVERSATIONS);
        assertThat(distinctBreachedConversations(tenant)).isEqualTo(CONVERSATIONS);
        for (long id : ids) {
            assertThat(collected.of(SlaBreached.class, id)).filteredOn(e -> e.metric().name().equals("FIRST_RESPONSE"))
                    .hasSize(1);
        }
    }

    @Test
    void restartedNodeActsOnWhatFellDueWhileItWasDownAndRecordsNothingTwice() {
        clock.set(Instant.parse("2026-11-19T02:00:00Z"));
        TenantId tenant = tenantWithOnePolicy();
        long id = open(tenant, "Anyone there?");
        awaitRunning(tenant, List.of(id));
        clock.advance(Duration.ofHours(2));

        SlaOperations restarted = new SlaOperations(new ClockStore(jdbc), new PolicyStore(jdbc, cluster), conversations,
                customers, triage, agents, tenants, events, clock, new SimpleMeterRegistry());
        // The node scans until the clock is free: a listener still finishing its own change holds it for a moment.
        Awaitility.await().until(() -> tx.execute(s -> restarted.scanNext()));
        Boolean again = tx.execute(s -> restarted.scanNext());
        sla.scanNow();

        assertThat(again).isFalse();
        assertThat(breachRows(tenant, "FIRST_RESPONSE")).isEqualTo(1);
        assertThat(collected.of(SlaBreached.class, id)).filteredOn(e -> e.metric().name().equals("FIRST_RESPONSE"))
                .hasSize(1);
    }

    private TenantId tenantWithOnePolicy() {
        TenantId tenant = Fixtures.tenant(tenants).tenantId();
        sla.createPolicy(tenant, new SlaPolicy(0, "Everything", 1, true, PolicyConditions.any(),
                SlaTargets.minutes(15, 15, 240), null, 75, null, Escalation.none(), java.util.Set.of()));
        return tenant;
    }

    private long open(TenantId tenant, String text) {
        Customer c = Fixtures.customer(customers, tenants.find(tenant).orElseThrow(), "C " + text);
        return conversations.open(tenant, c.id(), c.name(), Channel.CHAT, null, text, null).id();
    }

    /** Running, and triaged: the last listener of the opening message has finished with the clock. */
    private void awaitRunning(TenantId tenant, List<Long> ids) {
        Awaitility.await().until(() -> sla.statuses(tenant, ids).values().stream()
                .filter(s -> s.firstResponseDue() != null && s.priority() != null).count() == ids.size());
    }

    private long breachRows(TenantId tenant, String metric) {
        return jdbc.sql("SELECT COUNT(*) FROM sla_event WHERE tenant_id = :t AND kind = 'BREACHED' AND metric = :m")
                .param("t", tenant.value()).param("m", metric).query(Long.class).single();
    }

    private long distinctBreachedConversations(TenantId tenant) {
        return jdbc.sql("SELECT COUNT(DISTINCT conversation_id) FROM sla_event WHERE tenant_id = :t"
                + " AND kind = 'BREACHED'").param("t", tenant.value()).query(Long.class).single();
    }
}
