package io.oriole.knowledge.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ThresholdChoiceTests {

    @Test
    void separableScoresGetAThresholdBetweenTheClasses() {
        double[] scores = { 0.1, 0.2, 0.3, 0.7, 0.8, 0.9 };
        int[] labels = { 0, 0, 0, 1, 1, 1 };

        double threshold = ThresholdChoice.best(scores, labels);

        assertThat(threshold).isEqualTo(0.5, within(1e-9));
        ThresholdChoice.Outcome outcome = ThresholdChoice.measure(scores, labels, threshold);
        assertThat(outcome.accuracy()).isEqualTo(1.0);
        assertThat(outcome.f1()).isEqualTo(1.0);
    }

    @Test
    void overlappingScoresGetTheAccuracyMaximisingCut() {
        double[] scores = { 0.1, 0.4, 0.5, 0.6, 0.9 };
        int[] labels = { 0, 1, 0, 1, 1 };

        double threshold = ThresholdChoice.best(scores, labels);
        ThresholdChoice.Outcome outcome = ThresholdChoice.measure(scores, labels, threshold);

        assertThat(outcome.accuracy()).isEqualTo(0.8, within(1e-9));
        assertThat(outcome.pairs()).isEqualTo(5);
    }

    @Test
    void tiedScoresAreNeverSplit() {
        double[] scores = { 0.5, 0.5, 0.5, 0.5 };
        int[] labels = { 1, 1, 1, 0 };

        double threshold = ThresholdChoice.best(scores, labels);

        assertThat(ThresholdChoice.measure(scores, labels, threshold).accuracy()).isEqualTo(0.75);
    }
}
