package io.oriole.knowledge.model;

import java.util.Set;

/**
 * The features of a question pair that {@link QuestionPairModel} weighs: for sentence embeddings u, v of
 * dimension d, the element-wise product u∘v and distance |u−v| (which dimensions agree, not just how many), plus
 * ten scalars: cosine, cosine², Dice overlap of characters/bigrams and of words, longest common substring over the
 * shorter and the longer text, length difference, whether the word sets are equal, a length prior and a bias.
 * Products and distances are scaled ×20 so they sit near the scalars' range.
 */
public final class PairFeatures {

    /** One side of a pair, prepared once and reused for every comparison. */
    public record Side(String text, float[] vector, Set<String> terms, Set<String> words) {

        public static Side of(String text, float[] vector) {
            return new Side(text, vector, TextTerms.lexicalTerms(text), Set.copyOf(TextTerms.searchTerms(text)));
        }
    }

    private PairFeatures() {
    }

    public static int size(int dimensions) {
        return 2 * dimensions + 10;
    }

    public static double[] of(Side a, Side b) {
        float[] u = a.vector();
        float[] v = b.vector();
        int d = u.length;
        double cos = QuestionSimilarity.cosine(u, v);
        double la = a.text().length();
        double lb = b.text().length();
        double[] x = new double[size(d)];
        x[0] = cos;
        x[1] = QuestionSimilarity.dice(a.terms(), b.terms());
        x[2] = Math.abs(la - lb) / Math.max(1, Math.max(la, lb));
        x[3] = cos * cos;
        x[4] = 1;
        for (int i = 0; i < d; i++) {
            x[5 + i] = u[i] * v[i] * 20;
            x[5 + d + i] = Math.abs(u[i] - v[i]) * 20;
        }
        double common = longestCommonSubstring(a.text(), b.text());
        x[5 + 2 * d] = QuestionSimilarity.dice(a.words(), b.words());
        x[6 + 2 * d] = common / Math.max(1, Math.min(la, lb));
        x[7 + 2 * d] = common / Math.max(1, Math.max(la, lb));
        x[8 + 2 * d] = a.words().equals(b.words()) ? 1 : 0;
        x[9 + 2 * d] = Math.log(1 + Math.min(la, lb)) / 5;
        return x;
    }

    static int longestCommonSubstring(String a, String b) {
        int best = 0;
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = a.charAt(i - 1) == b.charAt(j - 1) ? prev[j - 1] + 1 : 0;
                best = Math.max(best, cur[j]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return best;
    }
}
