package io.oriole.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import io.oriole.agent.Agent;
import io.oriole.agent.AgentManagement;
import io.oriole.agent.AgentManagement.AgentProfile;
import io.oriole.agent.Tier;
import io.oriole.conversation.Actor;
import io.oriole.conversation.Channel;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.conversation.ConversationStatus;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerKind;
import io.oriole.customer.CustomerManagement;
import io.oriole.customer.CustomerManagement.CustomerDetails;
import io.oriole.customer.VipTier;
import io.oriole.identity.Role;
import io.oriole.identity.UserManagement;
import io.oriole.support.Fixtures;
import io.oriole.support.MutableClock;
import io.oriole.support.OrioleIntegrationTest;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;
import io.oriole.triage.PriorityLevel;

/**
 * The SLA module end to end on the running application with a moved clock: conversations are opened through the
 * conversation module, triage runs for real, and the scanner acts on the stored deadlines. Awaitility waits only
 * for the asynchronous listeners after commit; every deadline is reached by moving the clock.
 */
@OrioleIntegrationTest
@Import(SlaEventCollector.class)
class SlaIntegrationTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired MutableClock clock;
    @Autowired TenantManagement tenants;
    @Autowired UserManagement users;
    @Autowired AgentManagement agents;
    @Autowired CustomerManagement customers;
    @Autowired ConversationManagement conversations;
    @Autowired SlaManagement sla;
    @Autowired SlaEventCollector collected;

    TenantId tenant;
    Agent l1;
    Agent l2;

    @BeforeEach
    void tenantWithDefaults() {
        clock.set(Instant.parse("2026-11-18T02:00:00Z"));
        tenant = Fixtures.tenant(tenants).tenantId();
        sla.installDefaults(tenant, false);
        l1 = agent("Lu One", Tier.L1);
        l2 = agent("Li Two", Tier.L2);
    }

    @Test
    void unansweredP1FromAVipIsWarnedRemindedBreachedAndEscalatedToL2() {
        Customer vip = customer("赵敏", CustomerKind.ENTERPRISE, VipTier.GOLD);
        Conversation c = conversations.open(tenant, vip.id(), vip.name(), Channel.CHAT, null,
                "我们公司整个系统都登不上了，所有员工都用不了！", null);
        conversations.assign(tenant, c.id(), l1.id(), l1.displayName(), Actor.system());
        Instant opened = clock.instant();
        awaitPolicy(c.id(), "Urgent P1 (24x7)");
        await().until(() -> l1.id().equals(
                sla.status(tenant, c.id()).orElseThrow().assigneeAgentId()));
        assertThat(sla.status(tenant, c.id()).orElseThrow().firstResponseDue())
                .isEqualTo(opened.plus(Duration.ofMinutes(15)));

        for (int minute = 1; minute <= 16; minute++) {
            clock.set(opened.plus(Duration.ofMinutes(minute)));
            sla.scanNow();
        }

        List<SlaRecord> history = sla.events(tenant, c.id());
        assertThat(history).filteredOn(r -> r.metric() == SlaMetric.FIRST_RESPONSE).extracting(SlaRecord::kind,
                r -> Duration.between(opened, r.occurredAt()).toMinutes()).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SlaFactKind.WARNING, 9L),
                        org.assertj.core.groups.Tuple.tuple(SlaFactKind.REMINDER, 11L),
                        org.assertj.core.groups.Tuple.tuple(SlaFactKind.REMINDER, 13L),
                        org.assertj.core.groups.Tuple.tuple(SlaFactKind.BREACHED, 15L));
        assertThat(collected.of(SlaWarningReached.class, c.id())).extracting(SlaWarningReached::reminder)
                .containsExactly(0, 1, 2);
        assertThat(collected.of(SlaBreached.class, c.id())).singleElement().satisfies(b -> {
            assertThat(b.priority()).isEqualTo(PriorityLevel.P1);
            assertThat(b.assigneeAgentId()).isEqualTo(l1.id());
        });
        assertThat(collected.of(SlaEscalated.class, c.id())).singleElement().satisfies(e -> {
            assertThat(e.targetTier()).isEqualTo(Tier.L2);
            assertThat(e.cause()).isEqualTo(SlaMetric.FIRST_RESPONSE);
            assertThat(e.joinDeadline()).isEqualTo(opened.plus(Duration.ofMinutes(25)));
            assertThat(e.assigneeTier()).isEqualTo(Tier.L1);
            assertThat(e.notifySupervisors()).isFalse();
            assertThat(e.priority()).isEqualTo(PriorityLevel.P1);
        });
        SlaStatus status = sla.status(tenant, c.id()).orElseThrow();
        assertThat(status.state()).isEqualTo(SlaStatus.State.BREACHED);
        assertThat(status.escalatedTo()).isEqualTo(Tier.L2);
        assertThat(status.l2JoinDue()).isEqualTo(opened.plus(Duration.ofMinutes(25)));

        clock.set(opened.plus(Duration.ofMinutes(20)));
        conversations.assign(tenant, c.id(), l2.id(), l2.displayName(), Actor.system());
        await().until(() -> collected.of(SlaFulfilled.class, c.id()).stream()
                .anyMatch(f -> f.metric() == SlaMetric.L2_JOIN));
        assertThat(collected.of(SlaFulfilled.class, c.id())).filteredOn(f -> f.metric() == SlaMetric.L2_JOIN)
                .singleElement().satisfies(f -> assertThat(f.met()).isTrue());
        assertThat(sla.status(tenant, c.id()).orElseThrow().l2JoinDue()).isNull();
    }

    @Test
    void supervisorsDigestCountsUrgentOverdueAndBreachesPerOwnerOncePerPeriod() {
        Customer vip = customer("王总", CustomerKind.ENTERPRISE, VipTier.GOLD);
        Conversation c = conversations.open(tenant, vip.id(), vip.name(), Channel.CHAT, null,
                "我们公司整个系统都登不上了，所有员工都用不了！", null);
        conversations.assign(tenant, c.id(), l1.id(), l1.displayName(), Actor.system());
        Instant opened = clock.instant();
        awaitPolicy(c.id(), "Urgent P1 (24x7)");
        await().until(() -> l1.id().equals(
                sla.status(tenant, c.id()).orElseThrow().assigneeAgentId()));
        clock.set(opened.plus(Duration.ofMinutes(16)));
        sla.scanNow();
        clock.set(opened.plus(Duration.ofMinutes(61)));

        sla.writeDigest(tenant);
        boolean again = sla.writeDigest(tenant);

        assertThat(again).isFalse();
        SlaDigest digest = sla.digests(tenant, 10).get(0);
        assertThat(digest.periodEnd()).isEqualTo(opened.plus(Duration.ofHours(1)));
        assertThat(digest.openUrgent()).isEqualTo(1);
        assertThat(digest.overdue()).isEqualTo(1);
        assertThat(digest.breaches()).isGreaterThanOrEqualTo(1);
        assertThat(digest.body()).contains("Lu One: 1 urgent, 0 at risk, 1 overdue");
        assertThat(digest.emailedAt()).isNull();
    }

    @Test
    void remindersStopAsSoonAsTheOwnerAnswers() {
        Customer vip = customer("James Miller", CustomerKind.ENTERPRISE, VipTier.PLATINUM);
        Conversation c = conversations.open(tenant, vip.id(), vip.name(), Channel.CHAT, null,
                "Our whole system is down, nobody can log in!", null);
        Instant opened = clock.instant();
        awaitPolicy(c.id(), "Urgent P1 (24x7)");
        clock.set(opened.plus(Duration.ofMinutes(11)));
        sla.scanNow();

        conversations.reply(tenant, c.id(), Actor.agent(l1.id(), l1.displayName()), "Looking at it right now.");
        await().until(() -> !collected.of(SlaFulfilled.class, c.id()).isEmpty());
        for (int minute = 12; minute <= 30; minute++) {
            clock.set(opened.plus(Duration.ofMinutes(minute)));
            sla.scanNow();
        }

        assertThat(sla.events(tenant, c.id())).filteredOn(r -> r.metric() == SlaMetric.FIRST_RESPONSE)
                .extracting(SlaRecord::kind).containsExactly(SlaFactKind.WARNING, SlaFactKind.REMINDER,
                        SlaFactKind.FULFILLED);
        assertThat(collected.of(SlaFulfilled.class, c.id())).singleElement().satisfies(f -> assertThat(f.met()).isTrue());
    }

    @Test
    void normalConversationOpenedOnFridayEveningIsDueMondayMorningInShanghai() {
        clock.set(LocalDateTime.parse("2026-11-20T19:30").atZone(SHANGHAI).toInstant());
        Customer ordinary = customer("刘洋", CustomerKind.PERSONAL, VipTier.NONE);

        Conversation c = conversations.open(tenant, ordinary.id(), ordinary.name(), Channel.CHAT, null,
                "你好，请问怎么修改收货地址？", null);

        awaitPolicy(c.id(), "Normal (office hours)");
        assertThat(sla.status(tenant, c.id()).orElseThrow().firstResponseDue().atZone(SHANGHAI).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2026-11-23T11:00"));
    }

    @Test
    void breachIsRecordedOnceHoweverOftenTheScannerRuns() {
        Customer vip = customer("Olivia Brown", CustomerKind.PERSONAL, VipTier.GOLD);
        Conversation c = conversations.open(tenant, vip.id(), vip.name(), Channel.CHAT, null,
                "Payment failed on every order, the whole checkout is down!", null);
        Instant opened = clock.instant();
        await().until(() -> sla.status(tenant, c.id())
                .map(s -> s.policyName() != null && s.priority() != null).orElse(false));
        clock.set(opened.plus(Duration.ofDays(3)));

        for (int i = 0; i < 5; i++) {
            sla.scanNow();
        }

        assertThat(sla.events(tenant, c.id())).filteredOn(r -> r.kind() == SlaFactKind.BREACHED
                && r.metric() == SlaMetric.FIRST_RESPONSE).hasSize(1);
        assertThat(collected.of(SlaBreached.class, c.id())).filteredOn(b -> b.metric() == SlaMetric.FIRST_RESPONSE)
                .hasSize(1);
    }

    @Test
    void waitingOnTheCustomerPausesResolutionUntilTheyAnswer() {
        Customer ordinary = customer("Nico", CustomerKind.PERSONAL, VipTier.NONE);
        Conversation c = conversations.open(tenant, ordinary.id(), ordinary.name(), Channel.CHAT, null,
                "How do I change my delivery address?", null);
        awaitPolicy(c.id(), "Normal (office hours)");
        Instant resolutionDue = sla.status(tenant, c.id()).orElseThrow().resolutionDue();

        conversations.setStatus(tenant, c.id(), ConversationStatus.WAITING_ON_CUSTOMER, Actor.system());
        await().until(() -> sla.status(tenant, c.id()).orElseThrow().paused());
        assertThat(sla.status(tenant, c.id()).orElseThrow().resolutionDue()).isNull();
        clock.advance(Duration.ofHours(1));
        conversations.receiveCustomerMessage(tenant, c.id(), ordinary.id(), ordinary.name(), "Here is the address.",
                null);

        await().until(() -> !sla.status(tenant, c.id()).orElseThrow().paused());
        assertThat(sla.status(tenant, c.id()).orElseThrow().resolutionDue()).isEqualTo(
                resolutionDue.plus(Duration.ofHours(1)));
        assertThat(sla.events(tenant, c.id())).extracting(SlaRecord::kind).contains(SlaFactKind.PAUSED,
                SlaFactKind.RESUMED);
    }

    @Test
    void changingAPolicyRecomputesRunningDeadlines() {
        Customer ordinary = customer("Pat", CustomerKind.PERSONAL, VipTier.NONE);
        Conversation c = conversations.open(tenant, ordinary.id(), ordinary.name(), Channel.CHAT, null,
                "How do I change my delivery address?", null);
        Instant opened = clock.instant();
        awaitPolicy(c.id(), "Normal (office hours)");
        SlaPolicy normal = sla.policies(tenant).stream().filter(p -> p.name().startsWith("Normal")).findFirst()
                .orElseThrow();

        sla.updatePolicy(tenant, normal.id(), new SlaPolicy(0, normal.name(), normal.position(), true,
                normal.conditions(), SlaTargets.minutes(30, 60, 600), null, 75, null, Escalation.none(),
                normal.pauseStatuses()));

        assertThat(sla.status(tenant, c.id()).orElseThrow().firstResponseDue())
                .isEqualTo(opened.plus(Duration.ofMinutes(30)));
        assertThat(sla.earliestDeadlines(tenant, List.of(c.id()))).isEqualTo(
                Map.of(c.id(), opened.plus(Duration.ofMinutes(30))));
    }

    private void awaitPolicy(long conversationId, String policy) {
        await().until(() -> sla.status(tenant, conversationId)
                .map(s -> policy.equals(s.policyName())).orElse(false));
    }

    private Customer customer(String name, CustomerKind kind, VipTier tier) {
        return customers.create(tenant, new CustomerDetails(kind, name, kind == CustomerKind.ENTERPRISE ? "Org" : null,
                null, null, tier, "zh-CN", null));
    }

    private Agent agent(String name, Tier tier) {
        var user = users.create(tenant, name.toLowerCase().replace(' ', '.') + "@example.com", name,
                Fixtures.PASSWORD, Role.AGENT, "en");
        return agents.create(tenant, user.id(), new AgentProfile(name, tier, 5, List.of("zh", "en"), Set.of(),
                Map.of()));
    }
}
