package io.oriole.routing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class EwmaHandlingTimesTests {

    private final EwmaHandlingTimes times = new EwmaHandlingTimes(0.2, Duration.ofMinutes(6));

    @Test
    void beforeAnyHistoryEveryoneGetsThePrior() {
        assertThat(times.predict(1, "refund")).isEqualTo(Duration.ofMinutes(6));
        assertThat(times.predict(1, null)).isEqualTo(Duration.ofMinutes(6));
    }

    @Test
    void agentAverageMovesAFifthOfTheWayTowardsEachObservation() {
        times.observe(1, "refund", Duration.ofMinutes(10));
        assertThat(times.predict(1, "refund")).isEqualTo(Duration.ofMinutes(10));

        times.observe(1, "refund", Duration.ofMinutes(5));
        // 10 + 0.2 * (5 - 10) = 9
        assertThat(times.predict(1, "refund")).isEqualTo(Duration.ofMinutes(9));
    }

    @Test
    void newAgentStartsFromTheTeamsFigureForThatIntent() {
        times.observe(1, "refund", Duration.ofMinutes(10));
        times.observe(2, "refund", Duration.ofMinutes(5));
        // intent average: 10 then 10 + 0.2 * (5 - 10) = 9
        assertThat(times.predict(3, "refund")).isEqualTo(Duration.ofMinutes(9));
    }

    @Test
    void newAgentsFirstObservationIsBlendedWithTheTeamsFigure() {
        times.observe(1, "refund", Duration.ofMinutes(10));
        times.observe(2, "refund", Duration.ofMinutes(5));
        // agent 2 seeded from the intent average (10) and moved towards 5: 9
        assertThat(times.predict(2, "refund")).isEqualTo(Duration.ofMinutes(9));
    }

    @Test
    void unknownIntentFallsBackToTheGlobalAverage() {
        times.observe(1, "refund", Duration.ofMinutes(10));
        times.observe(1, "invoice", Duration.ofMinutes(5));
        assertThat(times.predict(1, "password")).isEqualTo(Duration.ofMinutes(9));
    }

    @Test
    void concurrentObservationsLeaveAConsistentAverage() throws Exception {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    times.observe(1, "refund", Duration.ofMinutes(4));
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(times.predict(1, "refund")).isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void rejectsNonsense() {
        assertThatIllegalArgumentException().isThrownBy(() -> new EwmaHandlingTimes(0, Duration.ofMinutes(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> times.observe(1, "x", Duration.ofSeconds(-1)));
    }
}
