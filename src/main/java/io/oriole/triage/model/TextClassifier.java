package io.oriole.triage.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.oriole.triage.Language;

/**
 * A trainable text classifier for tenant intents and for sentiment: sentence embedding
 * (standardised) plus hashed surface features, fed to {@link SoftmaxRegression}.
 *
 * <p>Everything is chosen from the training data alone, on a stratified 80/20 split of it:
 * <ol>
 * <li>the L2 strength, from a grid of powers of ten (1e-6 to 1e-3), by the held-out log loss;</li>
 * <li>a temperature T that calibrates the probabilities (softmax(z / T), minimising held-out log
 * loss, Guo et al. 2017);</li>
 * <li>the out-of-scope rule, when enabled. A message is out of scope when either its calibrated
 * top probability is below {@code minProbability}, chosen on the held-out part as the cut that
 * handles most examples well (accepting right answers, rejecting wrong ones: with calibrated
 * probabilities this lands near 0.5), or its embedding is farther from the predicted intent's
 * centroid than almost any held-out example of that intent ({@code minSimilarity}: the 1st
 * percentile of held-out similarities to their own class centroid, or lower on tiny data sets, see
 * {@code similarityCut}). The second test catches messages unlike anything trained, which a linear
 * model can still score confidently ("what's the weather in Paris?" scores 0.9 for "delivery").</li>
 * </ol>
 * The final model is then trained on all examples. Training and prediction are deterministic for
 * a given seed; a trained classifier is immutable and safe to share between threads.
 */
public final class TextClassifier {

    /** What a tenant can tune; {@link #defaults()} serves every tenant. */
    public record Settings(boolean outOfScope, double[] l2Candidates, double holdout, double similarityQuantile,
            SoftmaxRegression.Options options) {

        public static Settings defaults() {
            return new Settings(true, new double[] {1e-6, 1e-5, 1e-4, 1e-3}, 0.2, 0.01,
                    SoftmaxRegression.Options.defaults());
        }

        public Settings withoutOutOfScope() {
            return new Settings(false, l2Candidates, holdout, similarityQuantile, options);
        }
    }

    /** The best label, its calibrated probability, and whether the message is out of scope. */
    public record Prediction(String label, double probability, boolean outOfScope) {
    }

    private final Language language;
    private final List<String> labels;
    private final TextEncoder encoder;
    private final TextFeatures features;
    private final float[] mean;
    private final float[] scale;
    private final SoftmaxRegression model;
    private final float[][] centroids;
    private final double temperature;
    private final double minProbability;
    private final double minSimilarity;
    private final double l2;

    private TextClassifier(Language language, List<String> labels, TextEncoder encoder, TextFeatures features,
            float[] mean, float[] scale, SoftmaxRegression model, float[][] centroids, double temperature,
            double minProbability, double minSimilarity, double l2) {
        this.language = language;
        this.labels = labels;
        this.encoder = encoder;
        this.features = features;
        this.mean = mean;
        this.scale = scale;
        this.model = model;
        this.centroids = centroids;
        this.temperature = temperature;
        this.minProbability = minProbability;
        this.minSimilarity = minSimilarity;
        this.l2 = l2;
    }

    public static TextClassifier train(List<LabelledText> examples, TextEncoder encoder, Settings settings) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        List<String> labels = examples.stream().map(LabelledText::label).distinct().sorted().toList();
        if (labels.size() < 2) {
            throw new IllegalArgumentException("need at least two labels, found " + labels);
        }
        Map<String, Integer> labelIndex = new TreeMap<>();
        for (int k = 0; k < labels.size(); k++) {
            labelIndex.put(labels.get(k), k);
        }
        int n = examples.size();
        int[] y = new int[n];
        List<String> texts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            y[i] = labelIndex.get(examples.get(i).label());
            texts.add(examples.get(i).text());
        }
        Language language = dominantLanguage(texts);
        float[][] raw = encoder.encodeAll(texts, language).toArray(float[][]::new);
        TextFeatures features = new TextFeatures(TextFeatures.DEFAULT_BUCKETS);
        SparseVector[] sparse = texts.stream().map(features::extract).toArray(SparseVector[]::new);

        int d = raw[0].length;
        float[] mean = new float[d];
        float[] scale = new float[d];
        standardisation(raw, mean, scale);
        float[][] x = new float[n][];
        for (int i = 0; i < n; i++) {
            x[i] = standardise(raw[i], mean, scale);
        }

        int k = labels.size();
        int[][] split = stratifiedSplit(y, k, settings.holdout(), settings.options().seed());
        int[] fit = split[0];
        int[] held = split[1];
        double bestL2 = settings.options().l2();
        double temperature = 1.0;
        double minProbability = 0.0;
        double minSimilarity = -1.0;
        if (held.length > 0) {
            double bestLoss = Double.POSITIVE_INFINITY;
            SoftmaxRegression best = null;
            for (double l2 : settings.l2Candidates()) {
                SoftmaxRegression candidate = SoftmaxRegression.train(pick(x, fit), pick(sparse, fit), pick(y, fit), k,
                        features.buckets(), settings.options().withL2(l2));
                double loss = logLoss(candidate, x, sparse, y, held, 1.0);
                if (loss < bestLoss) {
                    bestLoss = loss;
                    bestL2 = l2;
                    best = candidate;
                }
            }
            temperature = fitTemperature(best, x, sparse, y, held);
            if (settings.outOfScope()) {
                minProbability = probabilityCut(best, x, sparse, y, held, temperature);
                minSimilarity = similarityCut(raw, y, fit, held, k, settings.similarityQuantile());
            }
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        SoftmaxRegression model = SoftmaxRegression.train(x, sparse, y, k, features.buckets(),
                settings.options().withL2(bestL2));
        return new TextClassifier(language, labels, encoder, features, mean, scale, model, centroids(raw, y, all, k),
                temperature, minProbability, minSimilarity, bestL2);
    }

    public Prediction predict(String text) {
        float[] raw = encoder.encode(text, language);
        double[] p = new double[labels.size()];
        model.probabilities(standardise(raw, mean, scale), features.extract(text), p, temperature);
        int best = argmax(p);
        boolean outOfScope = p[best] < minProbability || cosine(raw, centroids[best]) < minSimilarity;
        return new Prediction(labels.get(best), p[best], outOfScope);
    }

    public Language language() {
        return language;
    }

    public List<String> labels() {
        return labels;
    }

    public double temperature() {
        return temperature;
    }

    public double minProbability() {
        return minProbability;
    }

    public double minSimilarity() {
        return minSimilarity;
    }

    public double l2() {
        return l2;
    }

    static Language dominantLanguage(List<String> texts) {
        int zh = 0;
        for (String text : texts) {
            if (LanguageDetector.detect(text) == Language.ZH) {
                zh++;
            }
        }
        return zh * 2 >= texts.size() ? Language.ZH : Language.EN;
    }

    private static void standardisation(float[][] x, float[] mean, float[] scale) {
        int n = x.length;
        int d = mean.length;
        double[] sum = new double[d];
        double[] sq = new double[d];
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                sum[j] += row[j];
                sq[j] += (double) row[j] * row[j];
            }
        }
        // Dividing by sqrt(d) as well gives the dense block about unit norm, like the sparse block,
        // so one learning rate and one L2 strength suit both.
        double blockNorm = Math.sqrt(d);
        for (int j = 0; j < d; j++) {
            double m = sum[j] / n;
            double var = Math.max(sq[j] / n - m * m, 1e-12);
            mean[j] = (float) m;
            scale[j] = (float) (1 / (Math.sqrt(var) * blockNorm));
        }
    }

    private static float[] standardise(float[] raw, float[] mean, float[] scale) {
        float[] out = new float[raw.length];
        for (int j = 0; j < raw.length; j++) {
            out[j] = (raw[j] - mean[j]) * scale[j];
        }
        return out;
    }

    /** Per class, the held-out share of its examples (at least one kept for training). */
    private static int[][] stratifiedSplit(int[] y, int classes, double holdout, long seed) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < y.length; i++) {
            byClass.get(y[i]).add(i);
        }
        Random random = new Random(seed);
        List<Integer> fit = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        for (List<Integer> members : byClass) {
            Collections.shuffle(members, random);
            int h = members.size() < 2 ? 0 : Math.max(1, (int) Math.round(members.size() * holdout));
            held.addAll(members.subList(0, h));
            fit.addAll(members.subList(h, members.size()));
        }
        return new int[][] {fit.stream().mapToInt(Integer::intValue).sorted().toArray(),
                held.stream().mapToInt(Integer::intValue).sorted().toArray()};
    }

    private static double logLoss(SoftmaxRegression m, float[][] x, SparseVector[] s, int[] y, int[] rows,
            double temperature) {
        double[] p = new double[m.classes()];
        double loss = 0;
        for (int i : rows) {
            m.probabilities(x[i], s[i], p, temperature);
            loss -= Math.log(Math.max(p[y[i]], 1e-12));
        }
        return loss / rows.length;
    }

    /**
     * Golden-section search of log T in [ln 0.25, ln 20] for the least held-out log loss. The lower
     * bound stops a small, perfectly separated held-out part from sharpening the model without limit.
     */
    private static double fitTemperature(SoftmaxRegression m, float[][] x, SparseVector[] s, int[] y, int[] held) {
        double lo = Math.log(0.25);
        double hi = Math.log(20);
        double phi = (Math.sqrt(5) - 1) / 2;
        for (int it = 0; it < 40; it++) {
            double a = hi - phi * (hi - lo);
            double b = lo + phi * (hi - lo);
            if (logLoss(m, x, s, y, held, Math.exp(a)) < logLoss(m, x, s, y, held, Math.exp(b))) {
                hi = b;
            } else {
                lo = a;
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    /**
     * The probability cut that maximises held-out examples handled well: right answers accepted plus
     * wrong answers rejected. Searched between 0.2 and 0.8 so that a small, error-free held-out part
     * (a tenant's first few examples) still gets a sensible cut.
     */
    private static double probabilityCut(SoftmaxRegression m, float[][] x, SparseVector[] s, int[] y, int[] held,
            double temperature) {
        double[] p = new double[m.classes()];
        double[] top = new double[held.length];
        boolean[] right = new boolean[held.length];
        for (int h = 0; h < held.length; h++) {
            m.probabilities(x[held[h]], s[held[h]], p, temperature);
            int best = argmax(p);
            top[h] = p[best];
            right[h] = best == y[held[h]];
        }
        double bestCut = 0.5;
        int bestScore = -1;
        for (int step = 0; step <= 60; step++) {
            double cut = 0.2 + step * 0.01;
            int score = 0;
            for (int h = 0; h < held.length; h++) {
                if ((top[h] >= cut) == right[h]) {
                    score++;
                }
            }
            // Ties go to the cut nearest 0.5, the Bayes cut for calibrated probabilities.
            if (score > bestScore || (score == bestScore && Math.abs(cut - 0.5) < Math.abs(bestCut - 0.5))) {
                bestScore = score;
                bestCut = cut;
            }
        }
        return bestCut;
    }

    /**
     * The lower of two cuts on held-out similarity to class centroids (built from the fit part): the
     * given quantile of similarities to the own class, and the median similarity to the nearest
     * other class (a message must be closer to its intent than in-scope messages typically are to a
     * wrong one). The quantile decides on large data sets; the median keeps a handful of
     * near-duplicate examples from setting the bar so high that every paraphrase is rejected.
     */
    private static double similarityCut(float[][] raw, int[] y, int[] fit, int[] held, int classes, double quantile) {
        float[][] c = centroids(raw, y, fit, classes);
        double[] own = new double[held.length];
        double[] other = new double[held.length];
        for (int h = 0; h < held.length; h++) {
            int i = held[h];
            own[h] = cosine(raw[i], c[y[i]]);
            other[h] = -1;
            for (int k = 0; k < classes; k++) {
                if (k != y[i]) {
                    other[h] = Math.max(other[h], cosine(raw[i], c[k]));
                }
            }
        }
        Arrays.sort(own);
        Arrays.sort(other);
        double low = own[(int) Math.floor(quantile * (own.length - 1))];
        return Math.min(low, other[other.length / 2]);
    }

    private static float[][] centroids(float[][] raw, int[] y, int[] rows, int classes) {
        int d = raw[0].length;
        float[][] c = new float[classes][d];
        for (int i : rows) {
            for (int j = 0; j < d; j++) {
                c[y[i]][j] += raw[i][j];
            }
        }
        return c;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int j = 0; j < a.length; j++) {
            dot += (double) a[j] * b[j];
            na += (double) a[j] * a[j];
            nb += (double) b[j] * b[j];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    private static float[][] pick(float[][] a, int[] rows) {
        float[][] out = new float[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            out[r] = a[rows[r]];
        }
        return out;
    }

    private static SparseVector[] pick(SparseVector[] a, int[] rows) {
        SparseVector[] out = new SparseVector[rows.length];
        for (int r = 0; r < rows.length; r++) {
            out[r] = a[rows[r]];
        }
        return out;
    }

    private static int[] pick(int[] a, int[] rows) {
        int[] out = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            out[r] = a[rows[r]];
        }
        return out;
    }
}
