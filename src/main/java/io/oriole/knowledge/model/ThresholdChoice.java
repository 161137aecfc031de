package io.oriole.knowledge.model;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Picks the decision threshold for "same question" that maximises accuracy on labelled pairs, and measures a
 * threshold on other pairs. Ties go to the midpoint between neighbouring scores so the threshold never sits
 * exactly on one pair's score.
 */
public final class ThresholdChoice {

    public record Outcome(double accuracy, double f1, double threshold, int pairs) {
    }

    private ThresholdChoice() {
    }

    public static double best(double[] scores, int[] labels) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        int positives = 0;
        for (int l : labels) {
            positives += l;
        }
        // Threshold below everything: all predicted positive.
        int correct = positives;
        int bestCorrect = correct;
        double best = scores.length == 0 ? 0.5 : scores[order[0]] - 1e-6;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            correct += labels[i] == 0 ? 1 : -1;
            boolean tie = k + 1 < order.length && scores[order[k + 1]] == scores[i];
            if (!tie && correct > bestCorrect) {
                bestCorrect = correct;
                best = k + 1 < order.length ? (scores[i] + scores[order[k + 1]]) / 2 : scores[i] + 1e-6;
            }
        }
        return best;
    }

    public static Outcome measure(double[] scores, int[] labels, double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean predicted = scores[i] >= threshold;
            if (predicted && labels[i] == 1) {
                tp++;
            }
            else if (predicted) {
                fp++;
            }
            else if (labels[i] == 1) {
                fn++;
            }
            else {
                tn++;
            }
        }
        double accuracy = scores.length == 0 ? 0 : (double) (tp + tn) / scores.length;
        double f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        return new Outcome(accuracy, f1, threshold, scores.length);
    }
}
