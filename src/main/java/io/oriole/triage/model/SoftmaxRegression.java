package io.oriole.triage.model;

import java.util.Random;

/**
 * Multinomial logistic regression over a dense block (standardised embeddings) and a sparse block
 * (hashed surface features), trained by mini-batch Adam on cross-entropy with an L2 penalty.
 * Sparse weights are updated lazily (only rows a batch touches), so training time follows the
 * number of active features, not the hash size. Deterministic for a given seed.
 */
public final class SoftmaxRegression {

    /** Training knobs; {@link #defaults()} serves every tenant. */
    public record Options(double l2, int epochs, int batchSize, double learningRate, long seed) {

        public static Options defaults() {
            return new Options(1e-4, 30, 32, 0.01, 42L);
        }

        public Options withL2(double value) {
            return new Options(value, epochs, batchSize, learningRate, seed);
        }
    }

    private final int classes;
    private final int dense;
    private final int sparse;
    private final double[] wDense; // [class * dense + j]
    private final double[] wSparse; // [bucket * classes + class]: a touched bucket's classes are adjacent
    private final double[] bias;

    private SoftmaxRegression(int classes, int dense, int sparse) {
        this.classes = classes;
        this.dense = dense;
        this.sparse = sparse;
        this.wDense = new double[classes * dense];
        this.wSparse = new double[classes * sparse];
        this.bias = new double[classes];
    }

    public int classes() {
        return classes;
    }

    public static SoftmaxRegression train(float[][] x, SparseVector[] s, int[] y, int classes, int sparseSize,
            Options options) {
        int n = y.length;
        int d = n == 0 ? 0 : x[0].length;
        SoftmaxRegression m = new SoftmaxRegression(classes, d, sparseSize);
        Adam dAdam = new Adam(m.wDense.length);
        Adam sAdam = new Adam(m.wSparse.length);
        Adam bAdam = new Adam(classes);
        double[] gDense = new double[m.wDense.length];
        double[] gSparse = new double[m.wSparse.length];
        double[] gBias = new double[classes];
        boolean[] touched = new boolean[sparseSize];
        int[] touchedList = new int[sparseSize];
        double[] p = new double[classes];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(options.seed());
        int step = 0;
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            shuffle(order, random);
            for (int from = 0; from < n; from += options.batchSize()) {
                int to = Math.min(n, from + options.batchSize());
                int touchedCount = 0;
                java.util.Arrays.fill(gDense, 0);
                java.util.Arrays.fill(gBias, 0);
                for (int b = from; b < to; b++) {
                    int i = order[b];
                    m.probabilities(x[i], s[i], p, 1.0);
                    p[y[i]] -= 1; // gradient of cross-entropy w.r.t. the logits
                    for (int k = 0; k < classes; k++) {
                        double g = p[k];
                        gBias[k] += g;
                        int off = k * d;
                        for (int j = 0; j < d; j++) {
                            gDense[off + j] += g * x[i][j];
                        }
                    }
                    int[] idx = s[i].indices();
                    float[] val = s[i].values();
                    for (int t = 0; t < idx.length; t++) {
                        int bucket = idx[t];
                        if (!touched[bucket]) {
                            touched[bucket] = true;
                            touchedList[touchedCount++] = bucket;
                        }
                        int off = bucket * classes;
                        for (int k = 0; k < classes; k++) {
                            gSparse[off + k] += p[k] * val[t];
                        }
                    }
                }
                step++;
                double c1 = 1 / (1 - Math.pow(Adam.B1, step));
                double c2 = 1 / (1 - Math.pow(Adam.B2, step));
                double scale = 1.0 / (to - from);
                double lr = options.learningRate();
                double l2 = options.l2();
                for (int q = 0; q < gDense.length; q++) {
                    dAdam.update(m.wDense, q, gDense[q] * scale + l2 * m.wDense[q], lr, c1, c2);
                }
                for (int k = 0; k < classes; k++) {
                    bAdam.update(m.bias, k, gBias[k] * scale, lr, c1, c2);
                }
                for (int t = 0; t < touchedCount; t++) {
                    int off = touchedList[t] * classes;
                    for (int k = 0; k < classes; k++) {
                        int q = off + k;
                        sAdam.update(m.wSparse, q, gSparse[q] * scale + l2 * m.wSparse[q], lr, c1, c2);
                        gSparse[q] = 0;
                    }
                    touched[touchedList[t]] = false;
                }
            }
        }
        return m;
    }

    /** Logits divided by {@code temperature}, then softmax, written into {@code out}. */
    public void probabilities(float[] x, SparseVector s, double[] out, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            double z = bias[k];
            int off = k * dense;
            for (int j = 0; j < dense; j++) {
                z += wDense[off + j] * x[j];
            }
            out[k] = z;
        }
        int[] idx = s.indices();
        float[] val = s.values();
        for (int t = 0; t < idx.length; t++) {
            int off = idx[t] * classes;
            for (int k = 0; k < classes; k++) {
                out[k] += wSparse[off + k] * val[t];
            }
        }
        for (int k = 0; k < classes; k++) {
            out[k] /= temperature;
            max = Math.max(max, out[k]);
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            out[k] = Math.exp(out[k] - max);
            sum += out[k];
        }
        for (int k = 0; k < classes; k++) {
            out[k] /= sum;
        }
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Adam (Kingma and Ba 2015) with the paper's default betas. */
    private static final class Adam {
        private static final double B1 = 0.9;
        private static final double B2 = 0.999;
        private static final double EPS = 1e-8;
        private final double[] m;
        private final double[] v;

        Adam(int size) {
            m = new double[size];
            v = new double[size];
        }

        /** {@code c1}, {@code c2}: the bias corrections 1 / (1 - beta^step). */
        void update(double[] w, int q, double g, double lr, double c1, double c2) {
            m[q] = B1 * m[q] + (1 - B1) * g;
            v[q] = B2 * v[q] + (1 - B2) * g * g;
            double mHat = m[q] * c1;
            double vHat = v[q] * c2;
            w[q] -= lr * mHat / (Math.sqrt(vHat) + EPS);
        }
    }
}
