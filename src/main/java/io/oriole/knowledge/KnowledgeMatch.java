package io.oriole.knowledge;

/**
 * One ranked search result. {@code similarity} is the fused ranking score (question similarity plus a small
 * keyword bonus), {@code confidence} the probability (0..1) that the customer asked this entry's question.
 */
public record KnowledgeMatch(KnowledgeEntry entry, String matchedQuestion, double similarity, double confidence) {
}
