package io.oriole.knowledge;

/**
 * One ranked search result. {@code similarity} is the question-similarity score of the best-matching phrasing,
 * {@code confidence} its calibrated probability (0..1) that the customer asked this entry's question.
 */
public record KnowledgeMatch(KnowledgeEntry entry, String matchedQuestion, double similarity, double confidence) {
}
