package io.oriole.knowledge.model;

import java.io.InputStream;
import java.util.Set;

/**
 * The platform's one question-similarity score: the probability (0..1) that two questions ask the same thing. The
 * bot matches a customer's message against the phrasings of knowledge entries with it, the workspace ranks
 * suggestions with it, and {@code eval matching} measures it on labelled pairs.
 * <ul>
 * <li>Chinese pairs (BGE-small-zh vectors): {@link QuestionPairModel} over {@link PairFeatures}, trained on the
 * ATEC/CCKS development pairs and shipped as {@value #ZH_MODEL} (regenerate with
 * {@code eval matching --dev … --test … --save-model FILE}).</li>
 * <li>Other pairs (English, or no model): {@value #EMBEDDING_WEIGHT} × cosine + (1 − {@value #EMBEDDING_WEIGHT}) ×
 * Dice term overlap, turned into a probability by {@link ConfidenceCalibration#DEFAULT}. Vectors of different
 * models are not comparable; then only the overlap counts, which can never look confident on words alone.</li>
 * </ul>
 * Worked example (English path): "How do I change my delivery address?" against "Can I change the shipping
 * address?" has cosine ≈ 0.90 and Dice ≈ 0.33, so 0.73 → confidence ≈ 0.82.
 */
public final class QuestionSimilarity {

    public static final double EMBEDDING_WEIGHT = 0.7;
    public static final String ZH_MODEL = "question-pairs-zh.txt";

    /** The shipped scoring: the bundled Chinese pair model when present, the formula otherwise. */
    public static final QuestionSimilarity DEFAULT = new QuestionSimilarity(bundled(ZH_MODEL));

    private final QuestionPairModel pairModel;

    /** @param pairModel used for vector pairs whose feature size it fits; null for the formula only */
    public QuestionSimilarity(QuestionPairModel pairModel) {
        this.pairModel = pairModel;
    }

    public boolean hasPairModel() {
        return pairModel != null;
    }

    public double score(PairFeatures.Side a, PairFeatures.Side b) {
        float[] u = a.vector();
        float[] v = b.vector();
        boolean comparable = u != null && v != null && u.length == v.length;
        if (comparable && pairModel != null && pairModel.features() == PairFeatures.size(u.length)) {
            return pairModel.probability(PairFeatures.of(a, b));
        }
        return ConfidenceCalibration.DEFAULT.confidence(formula(comparable ? u : null, comparable ? v : null,
                a.terms(), b.terms()));
    }

    /** The untrained score: weighted cosine and term overlap (overlap alone, scaled down, without vectors). */
    public static double formula(float[] u, float[] v, Set<String> termsA, Set<String> termsB) {
        double lexical = dice(termsA, termsB);
        if (u == null || v == null || u.length != v.length) {
            return (1 - EMBEDDING_WEIGHT) * lexical;
        }
        return EMBEDDING_WEIGHT * cosine(u, v) + (1 - EMBEDDING_WEIGHT) * lexical;
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /** 2·|A∩B| / (|A|+|B|), 0 for two empty sets. */
    public static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int common = 0;
        for (String t : small) {
            if (large.contains(t)) {
                common++;
            }
        }
        return 2.0 * common / (a.size() + b.size());
    }

    private static QuestionPairModel bundled(String name) {
        try (InputStream in = QuestionSimilarity.class.getResourceAsStream(name)) {
            return in == null ? null : QuestionPairModel.load(in);
        }
        catch (java.io.IOException e) {
            return null;
        }
    }
}
