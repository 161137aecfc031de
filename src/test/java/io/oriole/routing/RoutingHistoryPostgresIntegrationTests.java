package io.oriole.routing;

import static io.oriole.routing.RoutingFixture.triaged;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import io.oriole.agent.Agent;
import io.oriole.agent.Tier;
import io.oriole.conversation.Actor;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.conversation.ConversationStatus;
import io.oriole.customer.VipTier;
import io.oriole.support.MutableClock;
import io.oriole.support.MutableClockConfiguration;
import io.oriole.support.RequiresPostgres;
import io.oriole.tenant.TenantId;
import io.oriole.triage.Category;
import io.oriole.triage.PriorityLevel;
import io.oriole.triage.Urgency;

/** The history the simulator replays, recorded and read back on the real PostgreSQL server (migration V9). */
@RequiresPostgres
@SpringBootTest(properties = { "oriole.demo.enabled=false", "oriole.data-dir=target/test-data" })
@Import({ MutableClockConfiguration.class, RoutingFixture.class })
class RoutingHistoryPostgresIntegrationTests {

    @Autowired
    RoutingFixture fixture;
    @Autowired
    RoutingManagement routing;
    @Autowired
    ConversationManagement conversations;
    @Autowired
    MutableClock clock;

    @Test
    void servedGivenUpAndImportedConversationsReadBackInOrder() {
        TenantId t = fixture.tenant();
        routing.installDefaultQueues(t);
        Agent han = fixture.agent(t, "Han Mei", Tier.L1, 3, Map.of("technical", 4), "technical");
        Instant start = clock.instant();
        RoutingHistoryEntry imported = new RoutingHistoryEntry(null, start.minus(Duration.ofHours(1)), 4, "billing",
                null, null, start.minus(Duration.ofMinutes(50)));
        routing.importHistory(t, List.of(imported));
        Conversation served = fixture.conversation(t, fixture.customer(t, "刘洋", VipTier.NONE), "设备连不上服务器");
        fixture.settle();
        routing.enqueue(t, served.id(), triaged(PriorityLevel.P2, Category.TECHNICAL, Urgency.ORDINARY));
        clock.advance(Duration.ofSeconds(30));
        Conversation gaveUp = fixture.conversation(t, fixture.customer(t, "赵敏", VipTier.NONE), "有人吗");
        fixture.settle();
        clock.advance(Duration.ofSeconds(60));
        conversations.assign(t, served.id(), han.id(), han.displayName(), Actor.system());
        conversations.setStatus(t, gaveUp.id(), ConversationStatus.CLOSED, Actor.system());
        clock.advance(Duration.ofSeconds(200));
        conversations.setStatus(t, served.id(), ConversationStatus.RESOLVED, Actor.system());
        fixture.settle();

        List<RoutingHistoryEntry> history = routing.history(t, start.minus(Duration.ofDays(1)), clock.instant());

        assertThat(history).hasSize(3);
        assertThat(history.get(0)).isEqualTo(imported);
        assertThat(history.get(1)).satisfies(e -> {
            assertThat(e.conversationId()).isEqualTo(served.id());
            assertThat(e.waited()).isEqualTo(Duration.ofSeconds(90));
            assertThat(e.handling()).isEqualTo(Duration.ofSeconds(200));
            assertThat(e.agentId()).isEqualTo(han.id());
        });
        assertThat(history.get(2)).satisfies(e -> {
            assertThat(e.conversationId()).isEqualTo(gaveUp.id());
            assertThat(e.gaveUp()).isTrue();
            assertThat(e.waited()).isEqualTo(Duration.ofSeconds(60));
        });
    }
}
