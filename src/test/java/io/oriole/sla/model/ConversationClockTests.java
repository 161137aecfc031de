package io.oriole.sla.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.oriole.agent.Tier;
import io.oriole.conversation.ConversationStatus;
import io.oriole.sla.Escalation;
import io.oriole.sla.EscalationTrigger;
import io.oriole.sla.PolicyConditions;
import io.oriole.sla.SlaFactKind;
import io.oriole.sla.SlaMetric;
import io.oriole.sla.SlaPolicy;
import io.oriole.sla.SlaTargets;

class ConversationClockTests {

    static final Instant T0 = Instant.parse("2026-11-18T02:00:00Z");

    static Terms urgent() {
        SlaPolicy p1 = new SlaPolicy(1, "P1", 10, true, PolicyConditions.any(), SlaTargets.minutes(15, 15, 240), null,
                60, Duration.ofMinutes(2), new Escalation(EscalationTrigger.BREACH, Duration.ofMinutes(10),
                        Duration.ofMinutes(10)), Set.of(ConversationStatus.WAITING_ON_CUSTOMER));
        return new Terms(p1, BusinessCalendar.allHours(ZoneOffset.UTC));
    }

    static Terms normalOfficeHours() {
        SlaPolicy normal = new SlaPolicy(2, "Normal", 100, true, PolicyConditions.any(),
                SlaTargets.minutes(120, 240, 1080), 1L, 75, null, Escalation.none(),
                Set.of(ConversationStatus.WAITING_ON_CUSTOMER));
        return new Terms(normal, BusinessCalendar.weekdays(ZoneId.of("Asia/Shanghai"), LocalTime.of(9, 0),
                LocalTime.of(18, 0), Set.of()));
    }

    static List<SlaFactKind> kinds(List<SlaFact> facts) {
        return facts.stream().map(SlaFact::kind).toList();
    }

    @Test
    void unansweredP1IsWarnedRemindedBreachedAndEscalatedToL2() {
        Terms terms = urgent();
        ConversationClock clock = ConversationClock.opened(T0);
        clock.assigned(Tier.L1, T0, terms);
        List<SlaFact> all = new ArrayList<>();

        for (int minute = 1; minute <= 16; minute++) {
            all.addAll(clock.scan(T0.plus(Duration.ofMinutes(minute)), terms));
        }

        List<SlaFact> firstResponse = all.stream().filter(f -> f.metric() == SlaMetric.FIRST_RESPONSE).toList();
        assertThat(kinds(firstResponse)).containsExactly(SlaFactKind.WARNING, SlaFactKind.REMINDER,
                SlaFactKind.REMINDER, SlaFactKind.BREACHED);
        assertThat(firstResponse.get(0).at()).isEqualTo(T0.plus(Duration.ofMinutes(9)));
        assertThat(firstResponse.get(1).at()).isEqualTo(T0.plus(Duration.ofMinutes(11)));
        assertThat(firstResponse.get(3).at()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        SlaFact escalation = all.stream().filter(f -> f.kind() == SlaFactKind.ESCALATED).findFirst().orElseThrow();
        assertThat(escalation.targetTier()).isEqualTo(Tier.L2);
        assertThat(escalation.deadline()).isEqualTo(T0.plus(Duration.ofMinutes(25)));
        assertThat(escalation.notifySupervisors()).isFalse();
    }

    @Test
    void aScanAfterALongOutageSendsOneReminderNotABurst() {
        Terms terms = urgent();
        ConversationClock clock = ConversationClock.opened(T0);
        clock.scan(T0.plus(Duration.ofMinutes(9)), terms);

        List<SlaFact> late = clock.scan(T0.plus(Duration.ofMinutes(30)), terms);

        assertThat(late).filteredOn(f -> f.kind() == SlaFactKind.REMINDER).isEmpty();
        assertThat(clock.scan(T0.plus(Duration.ofMinutes(31)), terms)).filteredOn(f -> f.kind() == SlaFactKind.REMINDER)
                .singleElement().satisfies(f -> assertThat(f.seq()).isEqualTo(11));
        assertThat(clock.scan(T0.plus(Duration.ofMinutes(32)), terms)).isEmpty();
    }

    @Test
    void ownerAlreadyAtL2EscalatesStraightToL3AndTheSupervisors() {
        Terms terms = urgent();
        ConversationClock clock = ConversationClock.opened(T0);
        clock.assigned(Tier.L2, T0, terms);

        List<SlaFact> facts = clock.scan(T0.plus(Duration.ofMinutes(15)), terms);

        assertThat(facts).filteredOn(f -> f.kind() == SlaFactKind.ESCALATED).singleElement().satisfies(f -> {
            assertThat(f.targetTier()).isEqualTo(Tier.L3);
            assertThat(f.notifySupervisors()).isTrue();
            assertThat(f.metric()).isEqualTo(SlaMetric.L3_JOIN);
        });
    }

    @Test
    void policyThatEscalatesOnWarningCallsL2AtTheWarning() {
        Terms base = urgent();
        SlaPolicy p = base.policy();
        Terms onWarning = new Terms(new SlaPolicy(p.id(), p.name(), p.position(), true, p.conditions(), p.targets(),
                null, 60, null, new Escalation(EscalationTrigger.WARNING, Duration.ofMinutes(5), null),
                p.pauseStatuses()), base.calendar());
        ConversationClock clock = ConversationClock.opened(T0);

        List<SlaFact> facts = clock.scan(T0.plus(Duration.ofMinutes(9)), onWarning);

        assertThat(kinds(facts)).containsExactly(SlaFactKind.WARNING, SlaFactKind.ESCALATED);
        assertThat(facts.get(1).deadline()).isEqualTo(T0.plus(Duration.ofMinutes(14)));
    }

    @Test
    void remindersStopAsSoonAsTheOwnerAnswers() {
        Terms terms = urgent();
        ConversationClock clock = ConversationClock.opened(T0);
        clock.scan(T0.plus(Duration.ofMinutes(11)), terms);

        List<SlaFact> reply = clock.agentReplied(T0.plus(Duration.ofMinutes(12)), terms);

        assertThat(reply).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(SlaFactKind.FULFILLED);
            assertThat(f.met()).isTrue();
        });
        assertThat(clock.scan(T0.plus(Duration.ofMinutes(20)), terms)).noneMatch(f -> f.metric().isResponse());
        assertThat(clock.deadlines(terms).due()).doesNotContainKey(SlaMetric.FIRST_RESPONSE);
    }

    @Test
    void scanningTwiceAtTheSameMomentRecordsNothingTwice() {
        Terms terms = urgent();
        ConversationClock clock = ConversationClock.opened(T0);
        Instant late = T0.plus(Duration.ofMinutes(16));

        assertThat(kinds(clock.scan(late, terms))).contains(SlaFactKind.BREACHED);
        assertThat(clock.scan(late, terms)).isEmpty();
    }

    @Test
    void l2WhoDoesNotJoinInTimeEscalatesToL3AndTheSupervisors() {
        Terms terms = urgent();
        ConversationClock clock = ConversationClock.opened(T0);
        clock.scan(T0.plus(Duration.ofMinutes(15)), terms);

        List<SlaFact> facts = clock.scan(T0.plus(Duration.ofMinutes(25)), terms);

        assertThat(facts).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(SlaFactKind.BREACHED);
            assertThat(f.metric()).isEqualTo(SlaMetric.L2_JOIN);
        });
        assertThat(facts).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(SlaFactKind.ESCALATED);
            assertThat(f.targetTier()).isEqualTo(Tier.L3);
            assertThat(f.notifySupervisors()).isTrue();
        });
    }

    @Test
    void l2AgentTakingOverFulfilsTheL2ClockOnItsOwn() {
        Terms terms = urgent();
        ConversationClock clock = ConversationClock.opened(T0);
        clock.assigned(Tier.L1, T0, terms);
        clock.scan(T0.plus(Duration.ofMinutes(15)), terms);

        List<SlaFact> facts = clock.assigned(Tier.L2, T0.plus(Duration.ofMinutes(20)), terms);

        assertThat(facts).singleElement().satisfies(f -> {
            assertThat(f.metric()).isEqualTo(SlaMetric.L2_JOIN);
            assertThat(f.kind()).isEqualTo(SlaFactKind.FULFILLED);
            assertThat(f.met()).isTrue();
        });
        assertThat(clock.deadlines(terms).due()).doesNotContainKey(SlaMetric.L2_JOIN);
    }

    @Test
    void eachCustomerMessageAfterAnAnswerStartsANextResponseRound() {
        Terms terms = urgent();
        ConversationClock clock = ConversationClock.opened(T0);
        clock.agentReplied(T0.plus(Duration.ofMinutes(1)), terms);
        clock.customerWrote(T0.plus(Duration.ofMinutes(5)));
        clock.customerWrote(T0.plus(Duration.ofMinutes(6)));

        assertThat(clock.deadlines(terms).due(SlaMetric.NEXT_RESPONSE)).isEqualTo(T0.plus(Duration.ofMinutes(20)));
        List<SlaFact> late = clock.agentReplied(T0.plus(Duration.ofMinutes(21)), terms);
        assertThat(late).singleElement().satisfies(f -> {
            assertThat(f.metric()).isEqualTo(SlaMetric.NEXT_RESPONSE);
            assertThat(f.cycle()).isEqualTo(1);
            assertThat(f.met()).isFalse();
        });
        clock.customerWrote(T0.plus(Duration.ofMinutes(30)));
        assertThat(clock.deadlines(terms).due(SlaMetric.NEXT_RESPONSE)).isEqualTo(T0.plus(Duration.ofMinutes(45)));
    }

    @Test
    void aMessageOlderThanTheLastReplyOpensNoRound() {
        Terms terms = urgent();
        ConversationClock clock = ConversationClock.opened(T0);
        clock.agentReplied(T0.plus(Duration.ofMinutes(3)), terms);

        clock.customerWrote(T0.plus(Duration.ofMinutes(2)));

        assertThat(clock.deadlines(terms).due()).doesNotContainKey(SlaMetric.NEXT_RESPONSE);
    }

    @Test
    void waitingOnTheCustomerPausesResolutionAndResumingPushesItsDeadlineBack() {
        Terms terms = urgent();
        ConversationClock clock = ConversationClock.opened(T0);
        assertThat(clock.deadlines(terms).due(SlaMetric.RESOLUTION)).isEqualTo(T0.plus(Duration.ofHours(4)));

        List<SlaFact> paused = clock.statusChanged(ConversationStatus.WAITING_ON_CUSTOMER,
                T0.plus(Duration.ofMinutes(30)), terms);
        assertThat(kinds(paused)).containsExactly(SlaFactKind.PAUSED);
        assertThat(clock.deadlines(terms).due()).doesNotContainKey(SlaMetric.RESOLUTION);
        assertThat(clock.scan(T0.plus(Duration.ofHours(5)), terms)).noneMatch(f -> f.metric() == SlaMetric.RESOLUTION);

        List<SlaFact> resumed = clock.statusChanged(ConversationStatus.OPEN, T0.plus(Duration.ofMinutes(90)), terms);
        assertThat(kinds(resumed)).containsExactly(SlaFactKind.RESUMED);
        assertThat(clock.deadlines(terms).due(SlaMetric.RESOLUTION)).isEqualTo(T0.plus(Duration.ofHours(5)));
    }

    @Test
    void pauseOnAnOfficeHoursPolicyCountsOnlyWorkingTime() {
        Terms terms = normalOfficeHours();
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        Instant opened = LocalDateTime.parse("2026-11-18T10:00").atZone(shanghai).toInstant();
        ConversationClock clock = ConversationClock.opened(opened);
        // Paused 17:00 Wednesday to 10:00 Thursday: 2 working hours.
        clock.statusChanged(ConversationStatus.WAITING_ON_CUSTOMER,
                LocalDateTime.parse("2026-11-18T17:00").atZone(shanghai).toInstant(), terms);
        clock.statusChanged(ConversationStatus.OPEN,
                LocalDateTime.parse("2026-11-19T10:00").atZone(shanghai).toInstant(), terms);

        // 18 working hours from Wednesday 10:00 is Friday 10:00; plus 2 paused hours, Friday 12:00.
        assertThat(clock.deadlines(terms).due(SlaMetric.RESOLUTION).atZone(shanghai).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2026-11-20T12:00"));
    }

    @Test
    void resolvingFulfilsResolutionAndReopeningStartsANewRound() {
        Terms terms = urgent();
        ConversationClock clock = ConversationClock.opened(T0);
        clock.agentReplied(T0.plus(Duration.ofMinutes(5)), terms);

        List<SlaFact> resolved = clock.statusChanged(ConversationStatus.RESOLVED, T0.plus(Duration.ofHours(1)), terms);
        assertThat(resolved).singleElement().satisfies(f -> {
            assertThat(f.metric()).isEqualTo(SlaMetric.RESOLUTION);
            assertThat(f.met()).isTrue();
        });
        assertThat(clock.deadlines(terms).earliest()).isNull();

        clock.statusChanged(ConversationStatus.OPEN, T0.plus(Duration.ofHours(2)), terms);
        assertThat(clock.deadlines(terms).due(SlaMetric.RESOLUTION)).isEqualTo(T0.plus(Duration.ofHours(6)));
    }

    @Test
    void snapshotRestoresTheSameDeadlines() {
        Terms terms = urgent();
        ConversationClock clock = ConversationClock.opened(T0);
        clock.agentReplied(T0.plus(Duration.ofMinutes(1)), terms);
        clock.customerWrote(T0.plus(Duration.ofMinutes(2)));
        clock.scan(T0.plus(Duration.ofMinutes(12)), terms);

        ConversationClock restored = ConversationClock.restore(clock.snapshot());

        assertThat(restored.deadlines(terms)).isEqualTo(clock.deadlines(terms));
        assertThat(restored.scan(T0.plus(Duration.ofMinutes(12)), terms)).isEmpty();
    }
}
