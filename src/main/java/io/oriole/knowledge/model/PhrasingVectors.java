package io.oriole.knowledge.model;

import java.util.List;

import io.oriole.triage.Language;

/** An entry's questions (title and phrasings), each prepared for comparison with its language. */
public record PhrasingVectors(long entryId, List<Phrasing> phrasings) {

    /** {@code unit}: the embedding scaled to length 1, so the candidate scan needs one dot product per question. */
    public record Phrasing(Language language, PairFeatures.Side side, float[] unit) {

        public Phrasing(Language language, PairFeatures.Side side) {
            this(language, side, normalised(side.vector()));
        }
    }

    /** The vector scaled to length 1 (null stays null). */
    public static float[] normalised(float[] v) {
        if (v == null) {
            return null;
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float[] u = new float[v.length];
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            u[i] = v[i] * scale;
        }
        return u;
    }

    /** The best {@link QuestionSimilarity} of the query against any of the questions, with that question. */
    public Best best(QuestionSimilarity similarity, Language queryLanguage, PairFeatures.Side query) {
        String bestQuestion = null;
        double best = -1;
        for (Phrasing p : phrasings) {
            PairFeatures.Side side = p.language() == queryLanguage ? p.side()
                    : new PairFeatures.Side(p.side().text(), null, p.side().terms(), p.side().words());
            double s = similarity.score(query, side);
            if (s > best) {
                best = s;
                bestQuestion = p.side().text();
            }
        }
        return new Best(bestQuestion, Math.max(0, best));
    }

    /** Highest cosine against same-language questions, for the vector candidate list; {@code unitQuery} has length 1. */
    public double bestCosine(Language queryLanguage, float[] unitQuery) {
        double best = -1;
        for (Phrasing p : phrasings) {
            float[] v = p.unit();
            if (p.language() == queryLanguage && v != null && v.length == unitQuery.length) {
                float dot = 0;
                for (int i = 0; i < v.length; i++) {
                    dot += unitQuery[i] * v[i];
                }
                best = Math.max(best, dot);
            }
        }
        return best;
    }

    public record Best(String question, double similarity) {
    }
}
