package io.oriole.knowledge.model;

/**
 * Turns a {@link QuestionSimilarity} score into the probability that the two questions mean the same thing:
 * p = 1 / (1 + e^−(slope·score + intercept)), a logistic (Platt) fit on labelled question pairs.
 * <p>
 * {@link #DEFAULT} was fitted by {@code eval matching} on the ATEC/CCKS development pairs (see
 * docs/benchmarks.md); the test pairs were never used. Worked example with the default: a score at the fitted
 * decision threshold maps to ≈ 0.5, a near-paraphrase with score 0.9 to ≈ 0.9.
 */
public record ConfidenceCalibration(double slope, double intercept) {

    public static final ConfidenceCalibration DEFAULT = new ConfidenceCalibration(12.0, -8.5);

    public double confidence(double score) {
        return 1 / (1 + Math.exp(-(slope * score + intercept)));
    }

    /** Maximum-likelihood fit by gradient descent; {@code labels[i]} is 1 for "same question". */
    public static ConfidenceCalibration fit(double[] scores, int[] labels) {
        double a = 1;
        double b = 0;
        int n = scores.length;
        for (int iter = 0; iter < 3000; iter++) {
            double ga = 0;
            double gb = 0;
            for (int i = 0; i < n; i++) {
                double p = 1 / (1 + Math.exp(-(a * scores[i] + b)));
                double d = p - labels[i];
                ga += d * scores[i];
                gb += d;
            }
            a -= 5.0 * ga / n;
            b -= 5.0 * gb / n;
        }
        return new ConfidenceCalibration(a, b);
    }
}
