package io.oriole.routing.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WaitEstimatorTests {

    private final WaitEstimator estimator = new WaitEstimator();

    @Test
    void threeAheadWithTwoAgentsAtSixMinutesWaitsTwelveMinutes() {
        assertThat(estimator.estimate(3, 2, Duration.ofMinutes(6))).isEqualTo(Duration.ofMinutes(12));
    }

    @Test
    void nextInLineWaitsForTheFirstOfTheServingAgentsToFinish() {
        assertThat(estimator.estimate(0, 4, Duration.ofMinutes(6))).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void withNobodyServingTheEstimateIsForOneAgent() {
        assertThat(estimator.estimate(1, 0, Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void roundsUpToWholeSeconds() {
        assertThat(estimator.estimate(0, 3, Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(4));
    }
}
