package io.oriole.knowledge.model;

import java.util.List;

import io.oriole.triage.Language;

/** An entry's questions (title and phrasings), each prepared for comparison with its language. */
public record PhrasingVectors(long entryId, List<Phrasing> phrasings) {

    public record Phrasing(Language language, PairFeatures.Side side) {
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

    /** Highest plain cosine against same-language questions, for the vector candidate list. */
    public double bestCosine(Language queryLanguage, float[] queryVector) {
        double best = -1;
        for (Phrasing p : phrasings) {
            float[] v = p.side().vector();
            if (p.language() == queryLanguage && v != null && v.length == queryVector.length) {
                best = Math.max(best, QuestionSimilarity.cosine(queryVector, v));
            }
        }
        return best;
    }

    public record Best(String question, double similarity) {
    }
}
