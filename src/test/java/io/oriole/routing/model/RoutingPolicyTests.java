package io.oriole.routing.model;

import static io.oriole.routing.model.RoutingFixtures.TEN;
import static io.oriole.routing.model.RoutingFixtures.at;
import static io.oriole.routing.model.RoutingFixtures.work;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class RoutingPolicyTests {

    private static List<Long> order(RoutingPolicy policy, Instant now, Work... waiting) {
        return java.util.Arrays.stream(waiting).sorted(policy.order(now)).map(Work::conversationId).toList();
    }

    @Test
    void fifoServesOldestFirstWhateverThePriority() {
        assertThat(order(new FifoPolicy(), TEN, work(1, 3, "09:50"), work(2, 1, "09:55"), work(3, 2, "09:45")))
                .containsExactly(3L, 1L, 2L);
    }

    @Test
    void priorityServesP1FirstThenOldestWithinALevel() {
        assertThat(order(new PriorityPolicy(), TEN, work(1, 3, "09:50"), work(2, 1, "09:55"), work(3, 2, "09:45"),
                work(4, 1, "09:58"))).containsExactly(2L, 4L, 3L, 1L);
    }

    @Test
    void slaAwareServesThePromiseClosestToBreakingFirst() {
        Work p3 = work(1, 3, "09:00").withPredictedHandling(Duration.ofMinutes(10));
        Work p1 = work(2, 1, "09:58").withPredictedHandling(Duration.ofMinutes(5));
        Work p2 = work(3, 2, "09:40").withDeadline(at("10:20")).withPredictedHandling(Duration.ofMinutes(15));
        Work p4 = work(4, 4, "09:55").withPredictedHandling(Duration.ofMinutes(5));
        SlaAwarePolicy policy = new SlaAwarePolicy();

        assertThat(policy.key(p3, TEN)).isEqualTo(Duration.ofMinutes(20));
        assertThat(policy.key(p1, TEN)).isEqualTo(Duration.ofMinutes(-3));
        assertThat(policy.key(p2, TEN)).isEqualTo(Duration.ofMinutes(-5));
        assertThat(policy.key(p4, TEN)).isEqualTo(Duration.ofMinutes(467).plusSeconds(30));
        assertThat(policy.slack(p2, TEN)).isEqualTo(Duration.ofMinutes(5));
        assertThat(order(policy, TEN, p3, p1, p2, p4)).containsExactly(3L, 2L, 1L, 4L);
    }

    @Test
    void slaAwareLetsLongWaitingLowPriorityWorkOvertakeFreshP1Work() {
        SlaAwarePolicy policy = new SlaAwarePolicy();
        Instant now = TEN;
        Work oldP4 = Work.of(1, 4, now.minus(Duration.ofHours(5).plusMinutes(20)));
        Work freshP1 = Work.of(2, 1, now);
        Work lessOldP4 = Work.of(3, 4, now.minus(Duration.ofHours(5)));

        assertThat(order(policy, now, freshP1, oldP4, lessOldP4)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void slaAwareStillPutsFreshP1BeforeFreshP4() {
        assertThat(order(new SlaAwarePolicy(), TEN, Work.of(1, 4, TEN), Work.of(2, 1, TEN))).containsExactly(2L, 1L);
    }

    @Test
    void policiesAreFoundByName() {
        assertThat(RoutingPolicies.named("fifo")).isInstanceOf(FifoPolicy.class);
        assertThat(RoutingPolicies.named("priority")).isInstanceOf(PriorityPolicy.class);
        assertThat(RoutingPolicies.named("sla-aware")).isInstanceOf(SlaAwarePolicy.class);
        assertThat(RoutingPolicies.defaultPolicy().name()).isEqualTo("sla-aware");
        assertThat(RoutingPolicies.all()).extracting(RoutingPolicy::name)
                .containsExactly("fifo", "priority", "sla-aware");
    }

    @Test
    void unknownPolicyNameListsTheValidOnes() {
        assertThatIllegalArgumentException().isThrownBy(() -> RoutingPolicies.named("random"))
                .withMessage("unknown routing policy 'random'; valid: fifo, priority, sla-aware");
    }

    @Test
    void ordersAreTotalSoEqualItemsKeepAStableOrder() {
        Work a = Work.of(7, 2, at("09:00"));
        Work b = Work.of(5, 2, at("09:00"));
        for (RoutingPolicy policy : RoutingPolicies.all()) {
            assertThat(order(policy, TEN, a, b)).as(policy.name()).containsExactly(5L, 7L);
        }
    }
}
