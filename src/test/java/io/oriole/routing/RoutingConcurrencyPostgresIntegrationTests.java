package io.oriole.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.oriole.agent.Agent;
import io.oriole.agent.Tier;
import io.oriole.conversation.Actor;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.conversation.ConversationStatus;
import io.oriole.customer.Customer;
import io.oriole.customer.VipTier;
import io.oriole.support.MutableClockConfiguration;
import io.oriole.support.RequiresPostgres;
import io.oriole.tenant.TenantId;

/**
 * Several routing workers race on the real PostgreSQL server: they dispatch, accept, decline and resolve at once
 * while the module's own listeners and scanner dispatch too. Afterwards, and at every step in between, no
 * conversation has two open offers or two owners, no agent holds more than their capacity, and every conversation
 * is accounted for.
 */
@RequiresPostgres
// Six workers, the module's listener threads and the scanner each hold a connection while they route; the pool is
// sized for them so that a slow, shared CI machine measures the claims rather than connection waits.
@SpringBootTest(properties = { "oriole.demo.enabled=false", "oriole.data-dir=target/test-data",
        "spring.datasource.hikari.maximum-pool-size=32", "spring.datasource.hikari.connection-timeout=120000" })
@Import({ MutableClockConfiguration.class, RoutingFixture.class })
class RoutingConcurrencyPostgresIntegrationTests {

    private static final int CONVERSATIONS = 160;
    private static final int AGENTS = 12;
    private static final int WORKERS = 6;
    private static final int ROUNDS = 40;

    @Autowired
    RoutingFixture fixture;
    @Autowired
    RoutingManagement routing;
    @Autowired
    ConversationManagement conversations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void racingWorkersNeverOfferAConversationTwiceNorOverfillAnAgent() throws Exception {
        TenantId t = fixture.tenant();
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            agents.add(fixture.agent(t, "Agent " + i, Tier.values()[i % 3], 1 + i % 4, Map.of("technical", 1 + i % 5),
                    "technical"));
        }
        fixture.online(t, agents.toArray(Agent[]::new));
        Customer customer = fixture.customer(t, "刘洋", VipTier.NONE);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS; i++) {
            Conversation c = fixture.conversation(t, customer, "第 " + i + " 个问题");
            ids.add(c.id());
            routing.enqueue(t, c.id(), null);
        }

        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            Random random = new Random(w);
            done.add(pool.submit(() -> {
                start.await();
                for (int round = 0; round < ROUNDS; round++) {
                    routing.dispatch(t);
                    // Two workers often pick the same agent, so they race on the same offers.
                    Agent agent = agents.get(random.nextInt(AGENTS));
                    for (Offer offer : routing.openOffers(t, agent.id())) {
                        try {
                            if (random.nextInt(10) < 7) {
                                routing.accept(t, offer.id(), agent.id());
                            }
                            else {
                                routing.decline(t, offer.id(), agent.id(), "busy");
                            }
                        }
                        catch (IllegalStateException | OfferNotFoundException lostTheRace) {
                            // Another worker decided this offer first.
                        }
                    }
                    if (random.nextInt(4) == 0) {
                        resolveOneOf(t, agent);
                    }
                    violations.addAll(invariantViolations(t));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        fixture.settle();

        assertThat(violations).isEmpty();
        assertThat(invariantViolations(t)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM routing_offer WHERE tenant_id = :t AND status = 'ACCEPTED'")
                .param("t", t.value()).query(Long.class).single()).isGreaterThan(AGENTS);
        // Nothing lost: every conversation is waiting, offered once, owned by the agent routing counts it on, or done.
        for (long id : ids) {
            String status = fixture.workStatus(t, id);
            long open = jdbc.sql("SELECT COUNT(*) FROM routing_offer WHERE tenant_id = :t AND conversation_id = :c "
                    + "AND status = 'OFFERED'").param("t", t.value()).param("c", id).query(Long.class).single();
            Conversation c = conversations.get(t, id);
            switch (status) {
                case "WAITING" -> assertThat(open).as("open offers of waiting %d", id).isZero();
                case "OFFERED" -> assertThat(open).as("open offers of offered %d", id).isEqualTo(1);
                case "ASSIGNED" -> assertThat(c.assigneeAgentId()).as("owner of %d", id).isEqualTo(jdbc.sql(
                        "SELECT agent_id FROM routing_work WHERE conversation_id = :c").param("c", id)
                        .query(Long.class).single());
                case "DONE" -> assertThat(c.status()).isEqualTo(ConversationStatus.RESOLVED);
                default -> throw new AssertionError("conversation " + id + " lost: " + status);
            }
        }
    }

    private void resolveOneOf(TenantId t, Agent agent) {
        jdbc.sql("SELECT conversation_id FROM routing_work WHERE tenant_id = :t AND agent_id = :a "
                + "AND status = 'ASSIGNED' ORDER BY conversation_id LIMIT 1").param("t", t.value())
                .param("a", agent.id()).query(Long.class).optional()
                .ifPresent(id -> conversations.setStatus(t, id, ConversationStatus.RESOLVED,
                        Actor.agent(agent.id(), agent.displayName())));
    }

    private List<String> invariantViolations(TenantId t) {
        List<String> found = new ArrayList<>();
        found.addAll(jdbc.sql("SELECT conversation_id FROM routing_offer WHERE tenant_id = :t AND status = 'OFFERED' "
                + "GROUP BY conversation_id HAVING COUNT(*) > 1").param("t", t.value()).query(Long.class).list()
                .stream().map(id -> "two open offers for " + id).toList());
        found.addAll(jdbc.sql("SELECT conversation_id FROM routing_offer WHERE tenant_id = :t AND status = 'ACCEPTED' "
                + "GROUP BY conversation_id HAVING COUNT(*) > 1").param("t", t.value()).query(Long.class).list()
                .stream().map(id -> "accepted twice: " + id).toList());
        found.addAll(jdbc.sql("SELECT w.agent_id, SUM(w.weight), MAX(a.max_concurrent) FROM routing_work w "
                + "JOIN agent a ON a.id = w.agent_id WHERE w.tenant_id = :t AND w.status IN ('OFFERED', 'ASSIGNED') "
                + "GROUP BY w.agent_id HAVING SUM(w.weight) > MAX(a.max_concurrent)").param("t", t.value())
                .query((rs, n) -> "agent " + rs.getLong(1) + " holds " + rs.getInt(2) + " of " + rs.getInt(3)).list());
        return found;
    }
}
