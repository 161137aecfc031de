package io.oriole.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

import io.oriole.agent.Agent;
import io.oriole.agent.Tier;
import io.oriole.bot.BotManagement;
import io.oriole.bot.BotSettings;
import io.oriole.bot.StaffAvailability;
import io.oriole.bot.StaffAvailability.Availability;
import io.oriole.conversation.Actor;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.customer.Customer;
import io.oriole.customer.VipTier;
import io.oriole.sla.SlaCalendar;
import io.oriole.sla.SlaEscalated;
import io.oriole.sla.SlaManagement;
import io.oriole.sla.SlaMetric;
import io.oriole.sla.WorkingHours;
import io.oriole.support.MutableClock;
import io.oriole.support.OrioleIntegrationTest;
import io.oriole.tenant.TenantId;
import io.oriole.triage.PriorityLevel;

/**
 * Routing where it meets the bot and SLA: the bot answers first and routing takes the conversation only when the
 * bot hands it off; an SLA escalation moves the conversation to an agent of the tier the ladder asks for; and the bot
 * tells the customer honestly whether anyone can answer, from presence and business hours.
 */
@OrioleIntegrationTest
@Import(RoutingFixture.class)
class ModuleWiringIntegrationTests {

    @Autowired
    RoutingFixture fixture;
    @Autowired
    RoutingManagement routing;
    @Autowired
    ConversationManagement conversations;
    @Autowired
    BotManagement bot;
    @Autowired
    SlaManagement sla;
    @Autowired
    StaffAvailability staff;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MutableClock clock;

    @Test
    void theBotAnswersFirstAndTheConversationJoinsTheLineOnlyWhenHandedOff() {
        TenantId t = fixture.tenant();
        routing.installDefaultQueues(t);
        bot.updateSettings(t, new BotSettings(true, 0.6, 3, false, false, false));
        Agent agent = fixture.agent(t, "Ann Agent", Tier.L1, 5, Map.of("after-sales", 3, "pre-sales", 3,
                "technical", 3, "billing", 3), "after-sales", "pre-sales", "technical", "billing");
        fixture.online(t, agent);
        Customer customer = fixture.customer(t, "刘洋", VipTier.NONE);
        clock.advance(Duration.ofSeconds(1));

        Conversation c = fixture.conversation(t, customer, "你们周末营业吗？");
        fixture.settle();

        assertThat(fixture.workStatus(t, c.id())).as("the bot has it").isEqualTo("NONE");
        assertThat(routing.openOffers(t, agent.id())).isEmpty();

        conversations.receiveCustomerMessage(t, c.id(), customer.id(), customer.name(), "转人工", null);
        Awaitility.await().until(() -> bot.state(t, c.id())
                .map(s -> s.handedOff()).orElse(false));
        fixture.settle();

        assertThat(routing.openOffers(t, agent.id())).singleElement()
                .satisfies(o -> assertThat(o.conversationId()).isEqualTo(c.id()));
    }

    @Test
    void anSlaEscalationToL2MovesTheConversationFromItsL1OwnerToAnL2Agent() {
        TenantId t = fixture.tenant();
        routing.installDefaultQueues(t);
        Agent junior = fixture.agent(t, "Jun Li", Tier.L1, 5, Map.of("technical", 3), "technical");
        Agent senior = fixture.agent(t, "Sen Wu", Tier.L2, 5, Map.of("technical", 4), "technical");
        Conversation c = fixture.conversation(t, fixture.customer(t, "赵敏", VipTier.GOLD), "服务器连不上");
        fixture.settle();
        conversations.assign(t, c.id(), junior.id(), junior.displayName(), Actor.system());
        fixture.online(t, senior);
        fixture.settle();

        tx.executeWithoutResult(s -> events.publishEvent(new SlaEscalated(t.value(), c.id(), Tier.L2,
                clock.instant().plus(Duration.ofMinutes(10)), SlaMetric.FIRST_RESPONSE, false, PriorityLevel.P1,
                "VIP", junior.id(), Tier.L1, clock.instant())));
        fixture.settle();

        assertThat(routing.openOffers(t, senior.id())).singleElement()
                .satisfies(o -> assertThat(o.conversationId()).isEqualTo(c.id()));
        assertThat(routing.decisions(t, c.id(), 20)).anySatisfy(d -> assertThat(d.reasons())
                .contains("escalated L1 → L2"));
        assertThat(conversations.get(t, c.id()).assigneeAgentId()).as("never without an owner during the move")
                .isNotNull();
    }

    @Test
    void theBotSaysWhetherSomeoneCanAnswerFromPresenceAndBusinessHours() {
        TenantId t = fixture.tenant();
        Map<DayOfWeek, WorkingHours> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(d, new WorkingHours(LocalTime.of(9, 0), LocalTime.of(18, 0)));
        }
        sla.createCalendar(t, new SlaCalendar(0, "Office", ZoneId.of("Asia/Shanghai"), week, Set.of()));
        Instant saturdayNoon = Instant.parse("2027-01-02T04:00:00Z");
        Instant mondayTen = Instant.parse("2027-01-04T02:00:00Z");

        assertThat(staff.availability(t, saturdayNoon)).isEqualTo(Availability.OUTSIDE_BUSINESS_HOURS);
        assertThat(staff.availability(t, mondayTen)).isEqualTo(Availability.NOBODY_ONLINE);

        Agent agent = fixture.agent(t, "Ann Agent", Tier.L1, 5, Map.of("technical", 3), "technical");
        fixture.online(t, agent);
        assertThat(staff.availability(t, clock.instant())).isEqualTo(Availability.AVAILABLE);
    }
}
