package io.oriole.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.oriole.routing.internal.RoutingStore.HandlingSample;

class StoredHandlingTimesTests {

    @Test
    void newAgentAndIntentStartFromTheSixMinutePrior() {
        assertThat(new StoredHandlingTimes(List.of()).predict(1, "refund")).isEqualTo(Duration.ofMinutes(6));
    }

    @Test
    void agentsOwnFigureWinsThenTheTeamsThenTheAgentsOverall() {
        var times = new StoredHandlingTimes(List.of(new HandlingSample(1, "refund", 240, 5),
                new HandlingSample(2, "refund", 480, 5), new HandlingSample(2, "invoice", 120, 3)));

        assertThat(times.predict(1, "refund")).isEqualTo(Duration.ofMinutes(4));
        assertThat(times.predict(3, "refund")).isEqualTo(Duration.ofMinutes(6));
        assertThat(times.predict(2, "login")).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void eachObservationMovesTheMeanByAFifth() {
        HandlingSample first = StoredHandlingTimes.observe(null, 1, "refund", Duration.ofMinutes(10));
        HandlingSample second = StoredHandlingTimes.observe(first, 1, "refund", Duration.ofMinutes(5));

        assertThat(first.meanSeconds()).isEqualTo(600);
        assertThat(second.meanSeconds()).isEqualTo(540);
        assertThat(second.samples()).isEqualTo(2);
    }
}
