package io.oriole.routing;

import static io.oriole.routing.RoutingFixture.triaged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import io.oriole.agent.Agent;
import io.oriole.agent.Presence;
import io.oriole.agent.PresenceManagement;
import io.oriole.agent.Tier;
import io.oriole.conversation.Actor;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.conversation.ConversationStatus;
import io.oriole.conversation.Message;
import io.oriole.conversation.Participant;
import io.oriole.customer.Customer;
import io.oriole.customer.VipTier;
import io.oriole.support.MutableClock;
import io.oriole.support.OrioleIntegrationTest;
import io.oriole.tenant.TenantId;
import io.oriole.triage.Category;
import io.oriole.triage.PriorityLevel;
import io.oriole.triage.Urgency;

@OrioleIntegrationTest
@Import(RoutingFixture.class)
class RoutingIntegrationTests {

    @Autowired
    RoutingFixture fixture;

    @Autowired
    RoutingManagement routing;

    @Autowired
    ConversationManagement conversations;

    @Autowired
    PresenceManagement presence;

    @Autowired
    MutableClock clock;

    private TenantId tenantWithTechnicalQueue() {
        TenantId t = fixture.tenant();
        routing.installDefaultQueues(t);
        return t;
    }

    private Conversation waitingTechnical(TenantId t, Customer customer, PriorityLevel level, Urgency urgency) {
        Conversation c = fixture.conversation(t, customer, "设备连不上服务器 " + level);
        fixture.settle();
        routing.enqueue(t, c.id(), triaged(level, Category.TECHNICAL, urgency));
        return c;
    }

    @Test
    void vipUrgentConversationSkipsTenWaitingToAnIdleSeniorWithTheSkill() {
        TenantId t = tenantWithTechnicalQueue();
        Agent junior = fixture.agent(t, "Jun Li", Tier.L1, 5, Map.of("billing", 3), "billing");
        Agent senior = fixture.agent(t, "Sen Wu", Tier.L2, 1, Map.of("technical", 4), "technical");
        Customer ordinary = fixture.customer(t, "刘洋", VipTier.NONE);
        List<Conversation> waiting = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            waiting.add(waitingTechnical(t, ordinary, PriorityLevel.P3, Urgency.ORDINARY));
        }
        Customer vip = fixture.customer(t, "赵敏", VipTier.GOLD);
        Conversation outage = waitingTechnical(t, vip, PriorityLevel.P1, Urgency.SYSTEM_DOWN);

        fixture.online(t, junior, senior);
        routing.dispatch(t);
        fixture.settle();

        List<Offer> offers = routing.openOffers(t, senior.id());
        assertThat(offers).singleElement().satisfies(o -> assertThat(o.conversationId()).isEqualTo(outage.id()));
        assertThat(routing.openOffers(t, junior.id())).isEmpty();
        assertThat(waiting).allSatisfy(c -> assertThat(fixture.workStatus(t, c.id())).isEqualTo("WAITING"));
        assertThat(routing.decisions(t, outage.id(), 10)).anySatisfy(d -> {
            assertThat(d.outcome()).isEqualTo("OFFERED");
            assertThat(d.reasons()).contains("offered to Sen Wu");
        });
    }

    @Test
    void expediteWorkWithNoFreeSeniorGoesFirstInLineAndSupervisorsAreTold() {
        TenantId t = tenantWithTechnicalQueue();
        Agent junior = fixture.agent(t, "Jun Li", Tier.L1, 5, Map.of("technical", 3), "technical");
        Customer ordinary = fixture.customer(t, "刘洋", VipTier.NONE);
        Conversation routine = waitingTechnical(t, ordinary, PriorityLevel.P3, Urgency.ORDINARY);
        Conversation outage = waitingTechnical(t, fixture.customer(t, "赵敏", VipTier.GOLD), PriorityLevel.P1,
                Urgency.SYSTEM_DOWN);

        fixture.online(t, junior);
        routing.dispatch(t);
        fixture.settle();

        assertThat(fixture.workStatus(t, outage.id())).isEqualTo("WAITING");
        assertThat(routing.waitFor(t, outage.id())).hasValueSatisfying(w -> assertThat(w.position()).isEqualTo(1));
        assertThat(routing.decisions(t, outage.id(), 10)).anySatisfy(d -> {
            assertThat(d.outcome()).isEqualTo("WAITING");
            assertThat(d.reasons()).startsWith("first in line, no senior agent free");
        });
        assertThat(fixture.workStatus(t, routine.id())).isEqualTo("OFFERED");
    }

    @Test
    void returningVipGetsTheirDedicatedAgentWhenOnline() {
        TenantId t = tenantWithTechnicalQueue();
        Agent expert = fixture.agent(t, "Best Match", Tier.L3, 5, Map.of("technical", 5), "technical");
        Agent dedicated = fixture.agent(t, "Dee Dicated", Tier.L2, 5, Map.of("technical", 2), "technical");
        Customer vip = fixture.customer(t, "James Miller", VipTier.PLATINUM);
        routing.setDedicatedAgent(t, vip.id(), dedicated.id());
        fixture.online(t, expert, dedicated);
        fixture.settle();

        Conversation again = waitingTechnical(t, vip, PriorityLevel.P2, Urgency.ORDINARY);
        fixture.settle();

        assertThat(routing.openOffers(t, dedicated.id())).singleElement()
                .satisfies(o -> assertThat(o.conversationId()).isEqualTo(again.id()));
        assertThat(routing.decisions(t, again.id(), 10))
                .anySatisfy(d -> assertThat(d.reasons()).contains("preferred agent"));
    }

    @Test
    void offerNotAcceptedInTimeMovesToTheNextAgent() {
        TenantId t = tenantWithTechnicalQueue();
        Agent first = fixture.agent(t, "First Pick", Tier.L2, 5, Map.of("technical", 5), "technical");
        Agent next = fixture.agent(t, "Next Pick", Tier.L1, 5, Map.of("technical", 2), "technical");
        fixture.online(t, first, next);
        fixture.settle();
        Conversation c = waitingTechnical(t, fixture.customer(t, "刘洋", VipTier.NONE), PriorityLevel.P3,
                Urgency.ORDINARY);
        fixture.settle();
        Offer offered = routing.openOffers(t, first.id()).get(0);

        clock.advance(Duration.ofSeconds(31));
        fixture.online(t, first, next);
        routing.scan();
        fixture.settle();

        assertThat(routing.offer(t, offered.id())).hasValueSatisfying(
                o -> assertThat(o.status()).isEqualTo(Offer.Status.EXPIRED));
        assertThat(routing.openOffers(t, next.id())).singleElement()
                .satisfies(o -> assertThat(o.conversationId()).isEqualTo(c.id()));
        assertThat(routing.decisions(t, c.id(), 10)).anySatisfy(d -> {
            assertThat(d.outcome()).isEqualTo("EXPIRED");
            assertThat(d.reasons()).contains("not accepted within 30 s");
        });
        assertThatThrownBy(() -> routing.accept(t, offered.id(), first.id())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void declineIsRecordedAndTheNextAgentIsOffered() {
        TenantId t = tenantWithTechnicalQueue();
        Agent first = fixture.agent(t, "First Pick", Tier.L2, 5, Map.of("technical", 5), "technical");
        Agent next = fixture.agent(t, "Next Pick", Tier.L1, 5, Map.of("technical", 2), "technical");
        fixture.online(t, first, next);
        Conversation c = waitingTechnical(t, fixture.customer(t, "刘洋", VipTier.NONE), PriorityLevel.P3,
                Urgency.ORDINARY);
        fixture.settle();
        Offer offered = routing.openOffers(t, first.id()).get(0);

        routing.decline(t, offered.id(), first.id(), "in a phone call");
        fixture.settle();

        assertThat(routing.openOffers(t, next.id())).singleElement()
                .satisfies(o -> assertThat(o.conversationId()).isEqualTo(c.id()));
        assertThat(routing.decisions(t, c.id(), 10)).anySatisfy(d -> {
            assertThat(d.outcome()).isEqualTo("DECLINED");
            assertThat(d.reasons()).isEqualTo("declined by First Pick: in a phone call");
        });
    }

    @Test
    void agentWhoseBrowserDisappearsLosesTheOfferToAnotherAgent() {
        TenantId t = tenantWithTechnicalQueue();
        Agent gone = fixture.agent(t, "Gone Away", Tier.L2, 5, Map.of("technical", 5), "technical");
        Agent stays = fixture.agent(t, "Stays On", Tier.L1, 5, Map.of("technical", 2), "technical");
        routing.saveSettings(t, new RoutingSettings("sla-aware", Duration.ofMinutes(5), false));
        fixture.online(t, gone, stays);
        Conversation c = waitingTechnical(t, fixture.customer(t, "刘洋", VipTier.NONE), PriorityLevel.P3,
                Urgency.ORDINARY);
        fixture.settle();
        assertThat(routing.openOffers(t, gone.id())).hasSize(1);

        clock.advance(Duration.ofSeconds(61));
        fixture.online(t, stays);
        assertThat(presence.presence(t, gone.id())).isEqualTo(Presence.OFFLINE);
        routing.scan();
        fixture.settle();

        assertThat(routing.openOffers(t, gone.id())).isEmpty();
        assertThat(routing.openOffers(t, stays.id())).singleElement()
                .satisfies(o -> assertThat(o.conversationId()).isEqualTo(c.id()));
        assertThat(routing.decisions(t, c.id(), 10)).anySatisfy(d -> {
            assertThat(d.outcome()).isEqualTo("WITHDRAWN");
            assertThat(d.reasons()).contains("Gone Away is no longer online");
        });
    }

    @Test
    void conversationClosedWhileWaitingLeavesTheLineAndItsOfferIsWithdrawn() {
        TenantId t = tenantWithTechnicalQueue();
        Agent first = fixture.agent(t, "First Pick", Tier.L2, 5, Map.of("technical", 5), "technical");
        fixture.online(t, first);
        Conversation offeredOne = waitingTechnical(t, fixture.customer(t, "刘洋", VipTier.NONE), PriorityLevel.P3,
                Urgency.ORDINARY);
        fixture.settle();
        assertThat(routing.openOffers(t, first.id())).hasSize(1);

        // Spam or a duplicate: closed straight away, never resolved.
        conversations.setStatus(t, offeredOne.id(), ConversationStatus.CLOSED, Actor.system());
        fixture.settle();

        assertThat(routing.openOffers(t, first.id())).isEmpty();
        Agent later = fixture.agent(t, "Later Pick", Tier.L1, 5, Map.of("technical", 3), "technical");
        fixture.online(t, later);
        routing.scan();
        fixture.settle();
        assertThat(routing.openOffers(t, later.id())).isEmpty();
        assertThat(routing.openOffers(t, first.id())).isEmpty();
    }

    @Test
    void acceptingAnOfferMakesTheAgentTheOwner() {
        TenantId t = tenantWithTechnicalQueue();
        Agent agent = fixture.agent(t, "Ann Accept", Tier.L1, 2, Map.of("technical", 3), "technical");
        fixture.online(t, agent);
        Conversation c = waitingTechnical(t, fixture.customer(t, "刘洋", VipTier.NONE), PriorityLevel.P3,
                Urgency.ORDINARY);
        fixture.settle();

        Offer accepted = routing.accept(t, routing.openOffers(t, agent.id()).get(0).id(), agent.id());

        assertThat(accepted.status()).isEqualTo(Offer.Status.ACCEPTED);
        assertThat(conversations.get(t, c.id()).assigneeAgentId()).isEqualTo(agent.id());
        assertThat(fixture.workStatus(t, c.id())).isEqualTo("ASSIGNED");
    }

    @Test
    void autoAcceptTenantsAssignWithoutAnOffer() {
        TenantId t = tenantWithTechnicalQueue();
        routing.saveSettings(t, new RoutingSettings("fifo", Duration.ofSeconds(30), true));
        Agent agent = fixture.agent(t, "Auto Ann", Tier.L1, 2, Map.of("technical", 3), "technical");
        fixture.online(t, agent);
        Conversation c = waitingTechnical(t, fixture.customer(t, "刘洋", VipTier.NONE), PriorityLevel.P3,
                Urgency.ORDINARY);
        fixture.settle();

        assertThat(conversations.get(t, c.id()).assigneeAgentId()).isEqualTo(agent.id());
        assertThat(routing.openOffers(t, agent.id())).isEmpty();
    }

    @Test
    void agentNeverReceivesMoreThanTheirCapacity() {
        TenantId t = tenantWithTechnicalQueue();
        Agent agent = fixture.agent(t, "Cap Two", Tier.L1, 2, Map.of("technical", 3), "technical");
        Customer customer = fixture.customer(t, "刘洋", VipTier.NONE);
        for (int i = 0; i < 5; i++) {
            waitingTechnical(t, customer, PriorityLevel.P3, Urgency.ORDINARY);
        }
        fixture.online(t, agent);
        routing.dispatch(t);
        routing.dispatch(t);
        fixture.settle();

        assertThat(routing.openOffers(t, agent.id())).hasSize(2);
        assertThat(routing.waitingLine(t)).hasSize(3);
    }

    @Test
    void transferToAnotherAgentKeepsTheTranscriptAndTheOwnerNeverLapses() {
        TenantId t = tenantWithTechnicalQueue();
        Agent from = fixture.agent(t, "From Agent", Tier.L1, 5, Map.of("technical", 3), "technical");
        Agent to = fixture.agent(t, "To Agent", Tier.L2, 5, Map.of("billing", 4), "billing");
        Conversation c = fixture.conversation(t, fixture.customer(t, "刘洋", VipTier.NONE), "发票开错了");
        conversations.assign(t, c.id(), from.id(), from.displayName(), Actor.agent(from.id(), from.displayName()));
        conversations.reply(t, c.id(), Actor.agent(from.id(), from.displayName()), "我帮您转给账务同事");
        fixture.settle();
        List<Message> before = conversations.messages(t, c.id(), 0, true, 100);

        routing.transferToAgent(t, c.id(), to.id(), "invoice title wrong, customer wants reissue",
                Actor.agent(from.id(), from.displayName()));

        assertThat(conversations.get(t, c.id()).assigneeAgentId()).isEqualTo(to.id());
        List<Message> after = conversations.messages(t, c.id(), 0, true, 100);
        assertThat(after).startsWith(before.toArray(Message[]::new));
        assertThat(after.get(after.size() - 1).internal()).isTrue();
        assertThat(after.get(after.size() - 1).body()).contains("invoice title wrong");
        assertThat(conversations.timeline(t, c.id())).anySatisfy(e -> assertThat(e.kind()).isEqualTo("TRANSFERRED"));
    }

    @Test
    void escalationFromL1ToL2KeepsTheTranscriptAndTheL1OwnerUntilAnL2Accepts() {
        TenantId t = tenantWithTechnicalQueue();
        Agent l1 = fixture.agent(t, "Level One", Tier.L1, 5, Map.of("technical", 3), "technical");
        Agent otherL1 = fixture.agent(t, "Other One", Tier.L1, 5, Map.of("technical", 5), "technical");
        Agent l2 = fixture.agent(t, "Level Two", Tier.L2, 5, Map.of("technical", 4), "technical");
        Conversation c = fixture.conversation(t, fixture.customer(t, "刘洋", VipTier.NONE), "固件升级后无法开机");
        conversations.assign(t, c.id(), l1.id(), l1.displayName(), Actor.agent(l1.id(), l1.displayName()));
        conversations.reply(t, c.id(), Actor.agent(l1.id(), l1.displayName()), "请长按电源键十秒试试");
        fixture.online(t, l1, otherL1, l2);
        fixture.settle();
        List<Message> before = conversations.messages(t, c.id(), 0, true, 100);

        assertThat(routing.escalate(t, c.id(), "reset did not help", Actor.agent(l1.id(), l1.displayName())))
                .isEqualTo(Tier.L2);
        fixture.settle();

        assertThat(conversations.get(t, c.id()).assigneeAgentId()).isEqualTo(l1.id());
        assertThat(routing.openOffers(t, otherL1.id())).isEmpty();
        Offer offer = routing.openOffers(t, l2.id()).get(0);
        routing.accept(t, offer.id(), l2.id());

        assertThat(conversations.get(t, c.id()).assigneeAgentId()).isEqualTo(l2.id());
        assertThat(conversations.messages(t, c.id(), 0, true, 100)).startsWith(before.toArray(Message[]::new))
                .anySatisfy(m -> assertThat(m.body()).contains("escalated L1 → L2").contains("reset did not help"));
    }

    @Test
    void lateNewsOfTheAssignmentDoesNotUndoAnEscalationMadeAfterIt() {
        TenantId t = tenantWithTechnicalQueue();
        Agent l1 = fixture.agent(t, "Level One", Tier.L1, 5, Map.of("technical", 3), "technical");
        Agent l2 = fixture.agent(t, "Level Two", Tier.L2, 5, Map.of("technical", 4), "technical");
        Conversation c = fixture.conversation(t, fixture.customer(t, "刘洋", VipTier.NONE), "固件升级后无法开机");
        conversations.assign(t, c.id(), l1.id(), l1.displayName(), Actor.agent(l1.id(), l1.displayName()));
        Instant assignedAt = clock.instant();
        fixture.online(t, l1, l2);
        fixture.settle();
        routing.escalate(t, c.id(), "reset did not help", Actor.agent(l1.id(), l1.displayName()));
        fixture.settle();
        Offer toSenior = routing.openOffers(t, l2.id()).get(0);

        // The assignment's news reaches routing only now (a slow listener thread).
        routing.ownerChanged(t, c.id(), l1.id(), assignedAt);

        assertThat(routing.openOffers(t, l2.id())).extracting(Offer::id).containsExactly(toSenior.id());
        routing.accept(t, toSenior.id(), l2.id());
        assertThat(conversations.get(t, c.id()).assigneeAgentId()).isEqualTo(l2.id());
    }

    @Test
    void aNewAssignmentAfterAnEscalationStillTakesEffect() {
        TenantId t = tenantWithTechnicalQueue();
        Agent l1 = fixture.agent(t, "Level One", Tier.L1, 5, Map.of("technical", 3), "technical");
        Agent l2 = fixture.agent(t, "Level Two", Tier.L2, 5, Map.of("technical", 4), "technical");
        Conversation c = fixture.conversation(t, fixture.customer(t, "刘洋", VipTier.NONE), "固件升级后无法开机");
        conversations.assign(t, c.id(), l1.id(), l1.displayName(), Actor.agent(l1.id(), l1.displayName()));
        fixture.online(t, l1, l2);
        fixture.settle();
        routing.escalate(t, c.id(), "reset did not help", Actor.agent(l1.id(), l1.displayName()));
        fixture.settle();
        assertThat(routing.openOffers(t, l2.id())).hasSize(1);

        // A supervisor decides, a minute later, that the L1 agent keeps it after all.
        clock.advance(Duration.ofMinutes(1));
        routing.ownerChanged(t, c.id(), l1.id(), clock.instant());

        assertThat(routing.openOffers(t, l2.id())).isEmpty();
    }

    @Test
    void specialistInvitedFromAnotherDepartmentPostsAnInternalNoteButCannotWriteToTheCustomer() {
        TenantId t = tenantWithTechnicalQueue();
        Agent owner = fixture.agent(t, "Owner Tech", Tier.L1, 5, Map.of("technical", 3), "technical");
        Agent rnd = fixture.agent(t, "Rita Rnd", Tier.L3, 3, Map.of("firmware", 5), "rnd");
        Conversation c = fixture.conversation(t, fixture.customer(t, "刘洋", VipTier.NONE), "新固件导致蓝牙断连");
        conversations.assign(t, c.id(), owner.id(), owner.displayName(), Actor.agent(owner.id(), owner.displayName()));

        Participant invited = routing.invite(t, c.id(), rnd.id(), false, Actor.agent(owner.id(), owner.displayName()));
        Message note = conversations.addNote(t, c.id(), Actor.agent(rnd.id(), rnd.displayName()),
                "Known regression in 2.3.1, fix ships in 2.3.2");

        assertThat(invited.role()).isEqualTo(Participant.Role.COLLABORATOR);
        assertThat(note.internal()).isTrue();
        assertThat(conversations.messages(t, c.id(), 0, false, 100)).noneMatch(m -> m.body().contains("2.3.2"));
        assertThatThrownBy(() -> conversations.reply(t, c.id(), Actor.agent(rnd.id(), rnd.displayName()), "hi"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("internal notes only");

        routing.leave(t, c.id(), rnd.id());
        assertThat(conversations.participants(t, c.id())).filteredOn(p -> p.agentId() == rnd.id())
                .allSatisfy(p -> assertThat(p.isActive()).isFalse());
    }

    @Test
    void waitingCustomerGetsAPositionAndAnEstimatedWait() {
        TenantId t = tenantWithTechnicalQueue();
        Agent busy = fixture.agent(t, "Busy Bee", Tier.L1, 1, Map.of("technical", 3), "technical");
        Customer customer = fixture.customer(t, "刘洋", VipTier.NONE);
        fixture.online(t, busy);
        fixture.settle();
        Conversation first = waitingTechnical(t, customer, PriorityLevel.P3, Urgency.ORDINARY);
        Conversation second = waitingTechnical(t, customer, PriorityLevel.P3, Urgency.ORDINARY);
        Conversation third = waitingTechnical(t, customer, PriorityLevel.P3, Urgency.ORDINARY);
        fixture.settle();

        assertThat(fixture.workStatus(t, first.id())).isEqualTo("OFFERED");
        assertThat(routing.waitFor(t, second.id())).hasValueSatisfying(w -> {
            assertThat(w.position()).isEqualTo(1);
            assertThat(w.agentsServing()).isEqualTo(1);
            assertThat(w.estimatedWait()).isEqualTo(Duration.ofMinutes(6));
        });
        assertThat(routing.waitFor(t, third.id())).hasValueSatisfying(w -> {
            assertThat(w.position()).isEqualTo(2);
            assertThat(w.estimatedWait()).isEqualTo(Duration.ofMinutes(12));
        });
        assertThat(routing.waitFor(t, first.id())).isEmpty();
    }
}
