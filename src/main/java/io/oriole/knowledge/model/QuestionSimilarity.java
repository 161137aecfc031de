package io.oriole.knowledge.model;

import java.util.Set;

/**
 * The platform's one question-similarity score, used by the bot to match a customer's message against the
 * phrasings of a knowledge entry and by {@code eval matching} to measure it on labelled question pairs.
 * <p>
 * score = {@value #EMBEDDING_WEIGHT} × cosine of the BGE sentence embeddings + (1 − {@value #EMBEDDING_WEIGHT}) ×
 * Dice overlap of the lexical terms. The embedding carries meaning ("怎么退款" ≈ "钱能退回来吗"); the overlap keeps
 * exact product words and numbers from being averaged away. Worked example: "怎么修改收货地址" against
 * "收货地址填错了怎么改" has cosine ≈ 0.86 and Dice ≈ 0.45, so score ≈ 0.74.
 * <p>
 * Embeddings from different models (Chinese 512 dimensions, English 384) are not comparable; pass {@code null}
 * vectors and the score falls back to overlap alone, scaled down so it can never look confident on words alone.
 */
public final class QuestionSimilarity {

    public static final double EMBEDDING_WEIGHT = 0.7;

    private QuestionSimilarity() {
    }

    public static double score(float[] a, float[] b, Set<String> termsA, Set<String> termsB) {
        double lexical = dice(termsA, termsB);
        if (a == null || b == null || a.length != b.length) {
            return (1 - EMBEDDING_WEIGHT) * lexical;
        }
        return EMBEDDING_WEIGHT * cosine(a, b) + (1 - EMBEDDING_WEIGHT) * lexical;
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
}
