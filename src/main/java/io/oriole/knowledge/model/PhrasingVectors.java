package io.oriole.knowledge.model;

import java.util.List;
import java.util.Set;

import io.oriole.triage.Language;

/** An entry's questions (title and phrasings), each with its language, embedding and lexical terms. */
public record PhrasingVectors(long entryId, List<Phrasing> phrasings) {

    public record Phrasing(String text, Language language, float[] vector, Set<String> terms) {
    }

    /** The best {@link QuestionSimilarity} of the query against any of the questions, with that question. */
    public Best best(Language queryLanguage, float[] queryVector, Set<String> queryTerms) {
        Phrasing bestPhrasing = null;
        double best = -1;
        for (Phrasing p : phrasings) {
            float[] v = p.language() == queryLanguage ? p.vector() : null;
            double s = QuestionSimilarity.score(queryVector, v, queryTerms, p.terms());
            if (s > best) {
                best = s;
                bestPhrasing = p;
            }
        }
        return new Best(bestPhrasing == null ? null : bestPhrasing.text(), Math.max(0, best));
    }

    /** Highest plain cosine against same-language questions, for the vector candidate list. */
    public double bestCosine(Language queryLanguage, float[] queryVector) {
        double best = -1;
        for (Phrasing p : phrasings) {
            if (p.language() == queryLanguage && p.vector().length == queryVector.length) {
                best = Math.max(best, QuestionSimilarity.cosine(queryVector, p.vector()));
            }
        }
        return best;
    }

    public record Best(String question, double similarity) {
    }
}
