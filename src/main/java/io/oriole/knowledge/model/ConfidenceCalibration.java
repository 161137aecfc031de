package io.oriole.knowledge.model;

/**
 * Turns the untrained similarity formula of {@link QuestionSimilarity} into a probability:
 * p = 1 / (1 + e^−(slope·score + intercept)).
 * <p>
 * {@link #DEFAULT} puts p = 0.5 at a formula score of 0.6 and rises steeply (slope 12): close English paraphrases
 * with BGE-small-en (cosine ≈ 0.9, some shared words) land near 0.8, unrelated questions (cosine ≈ 0.6, no shared
 * words) near 0.1. It was set on the demo knowledge base's held-out phrasings (see docs/benchmarks.md), not fitted
 * on any test file; {@link #fit} refits it on labelled pairs.
 */
public record ConfidenceCalibration(double slope, double intercept) {

    public static final ConfidenceCalibration DEFAULT = new ConfidenceCalibration(12.0, -7.2);

    public double confidence(double score) {
        return 1 / (1 + Math.exp(-(slope * score + intercept)));
    }

    /** Maximum-likelihood fit by gradient descent; {@code labels[i]} is 1 for "same question". */
    public static ConfidenceCalibration fit(double[] scores, int[] labels) {
        double a = 1;
        double b = 0;
        int n = scores.length;
        for (int iter = 0; iter < 5000; iter++) {
            double ga = 0;
            double gb = 0;
            for (int i = 0; i < n; i++) {
                double p = 1 / (1 + Math.exp(-(a * scores[i] + b)));
                double d = p - labels[i];
                ga += d * scores[i];
                gb += d;
            }
            a -= 20.0 * ga / n;
            b -= 20.0 * gb / n;
        }
        return new ConfidenceCalibration(a, b);
    }
}
