package io.oriole.routing;

import static io.oriole.routing.RoutingFixture.triaged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import io.oriole.agent.Agent;
import io.oriole.agent.Tier;
import io.oriole.conversation.Actor;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.conversation.ConversationStatus;
import io.oriole.customer.Customer;
import io.oriole.customer.VipTier;
import io.oriole.support.MutableClock;
import io.oriole.support.OrioleIntegrationTest;
import io.oriole.tenant.TenantId;
import io.oriole.triage.Category;
import io.oriole.triage.PriorityLevel;
import io.oriole.triage.Urgency;

/** What the routing simulator replays of a tenant's own history: waits, handling, customers who gave up. */
@OrioleIntegrationTest
@Import(RoutingFixture.class)
class RoutingHistoryIntegrationTests {

    @Autowired
    RoutingFixture fixture;

    @Autowired
    RoutingManagement routing;

    @Autowired
    ConversationManagement conversations;

    @Autowired
    MutableClock clock;

    private TenantId tenant() {
        TenantId t = fixture.tenant();
        routing.installDefaultQueues(t);
        return t;
    }

    private Conversation waitingTechnicalP2(TenantId t, Customer customer) {
        Conversation c = fixture.conversation(t, customer, "设备连不上服务器");
        fixture.settle();
        routing.enqueue(t, c.id(), triaged(PriorityLevel.P2, Category.TECHNICAL, Urgency.ORDINARY));
        return c;
    }

    private List<RoutingHistoryEntry> historyAround(TenantId t, Instant from) {
        return routing.history(t, from.minusSeconds(1), clock.instant().plusSeconds(1));
    }

    @Test
    void conversationTakenAfterNinetySecondsAndResolvedFiveMinutesLaterWaitedNinetyAndTookFiveMinutes() {
        TenantId t = tenant();
        Agent han = fixture.agent(t, "Han Mei", Tier.L1, 3, Map.of("technical", 4), "technical");
        Agent wu = fixture.agent(t, "Wu Lei", Tier.L2, 3, Map.of("technical", 5), "technical");
        Instant opened = clock.instant();
        Conversation c = waitingTechnicalP2(t, fixture.customer(t, "刘洋", VipTier.NONE));

        clock.advance(Duration.ofSeconds(90));
        conversations.assign(t, c.id(), han.id(), han.displayName(), Actor.system());
        clock.advance(Duration.ofSeconds(30));
        // A transfer later does not move the moment the customer's wait ended.
        conversations.assign(t, c.id(), wu.id(), wu.displayName(), Actor.agent(han.id(), han.displayName()));
        clock.advance(Duration.ofSeconds(270));
        conversations.setStatus(t, c.id(), ConversationStatus.RESOLVED, Actor.agent(wu.id(), wu.displayName()));
        fixture.settle();

        List<RoutingHistoryEntry> history = historyAround(t, opened);

        assertThat(history).singleElement().satisfies(e -> {
            assertThat(e.conversationId()).isEqualTo(c.id());
            assertThat(e.queuedAt()).isEqualTo(opened);
            assertThat(e.priority()).isEqualTo(2);
            assertThat(e.queue()).isEqualTo("technical");
            assertThat(e.gaveUp()).isFalse();
            assertThat(e.waited()).isEqualTo(Duration.ofSeconds(90));
            assertThat(e.handling()).isEqualTo(Duration.ofSeconds(300));
            assertThat(e.agentId()).isEqualTo(han.id());
            assertThat(e.csvLine()).isEqualTo(opened.truncatedTo(ChronoUnit.SECONDS) + ",P2,technical,300,,90,agent-"
                    + han.id());
        });
    }

    @Test
    void conversationClosedBeforeAnyAgentTookItIsACustomerWhoGaveUp() {
        TenantId t = tenant();
        Instant opened = clock.instant();
        Conversation c = waitingTechnicalP2(t, fixture.customer(t, "Olivia Brown", VipTier.NONE));

        clock.advance(Duration.ofSeconds(45));
        conversations.setStatus(t, c.id(), ConversationStatus.CLOSED, Actor.system());
        fixture.settle();

        assertThat(historyAround(t, opened)).singleElement().satisfies(e -> {
            assertThat(e.gaveUp()).isTrue();
            assertThat(e.waited()).isEqualTo(Duration.ofSeconds(45));
            assertThat(e.csvLine()).isEqualTo(opened.truncatedTo(ChronoUnit.SECONDS) + ",P2,technical,,45,,");
        });
    }

    @Test
    void conversationsStillWaitingOrInHandAreLeftOutUntilTheyFinish() {
        TenantId t = tenant();
        Agent han = fixture.agent(t, "Han Mei", Tier.L1, 3, Map.of("technical", 4), "technical");
        Instant opened = clock.instant();
        Customer customer = fixture.customer(t, "刘洋", VipTier.NONE);
        waitingTechnicalP2(t, customer);
        Conversation inHand = waitingTechnicalP2(t, customer);
        clock.advance(Duration.ofSeconds(20));
        conversations.assign(t, inHand.id(), han.id(), han.displayName(), Actor.system());
        fixture.settle();

        assertThat(historyAround(t, opened)).isEmpty();
    }

    @Test
    void anotherTenantsHistoryStaysItsOwn() {
        TenantId a = tenant();
        TenantId b = tenant();
        Instant opened = clock.instant();
        Conversation c = waitingTechnicalP2(a, fixture.customer(a, "刘洋", VipTier.NONE));
        clock.advance(Duration.ofSeconds(10));
        conversations.setStatus(a, c.id(), ConversationStatus.CLOSED, Actor.system());
        fixture.settle();

        assertThat(historyAround(a, opened)).hasSize(1);
        assertThat(historyAround(b, opened)).isEmpty();
    }

    @Test
    void importedHistoryIsAllOrNothing() {
        TenantId t = tenant();
        Agent han = fixture.agent(t, "Han Mei", Tier.L1, 3, Map.of("technical", 4), "technical");
        Instant start = clock.instant().minus(Duration.ofDays(3));
        RoutingHistoryEntry served = new RoutingHistoryEntry(null, start, 3, "technical", start.plusSeconds(30),
                han.id(), start.plusSeconds(400));
        RoutingHistoryEntry takenBeforeQueued = new RoutingHistoryEntry(null, start, 3, "technical",
                start.minusSeconds(5), han.id(), start.plusSeconds(400));

        assertThatThrownBy(() -> routing.importHistory(t, List.of(served, takenBeforeQueued)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(routing.hasImportedHistory(t)).isFalse();

        assertThat(routing.importHistory(t, List.of(served))).isEqualTo(1);
        assertThat(routing.history(t, start, clock.instant())).containsExactly(served);
    }
}
