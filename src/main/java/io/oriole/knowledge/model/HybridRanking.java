package io.oriole.knowledge.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses keyword (BM25) and embedding candidates into one list. Candidates come from either retriever (top
 * {@code k} of each); every candidate is then scored with the same {@link QuestionSimilarity} the matching
 * evaluation measures, and the fused score adds a small keyword bonus, {@value #KEYWORD_WEIGHT} × BM25 / best
 * BM25, which only reorders near-ties. The confidence shown to callers is the calibrated similarity alone, so a
 * keyword hit can rank an entry up but never make the bot sure of it.
 * <p>
 * Worked example: for "发票怎么开", entry A (发票开具, similarity 0.82, BM25 rank 1) gets 0.82 + 0.05 = 0.87 and
 * entry B (电子发票下载, similarity 0.80, BM25 half of A's) gets 0.80 + 0.025 = 0.825; A leads with confidence
 * calibrated from 0.82.
 */
public final class HybridRanking {

    public static final double KEYWORD_WEIGHT = 0.05;

    public record Ranked(long entryId, String question, double similarity, double fused) {
    }

    private HybridRanking() {
    }

    /**
     * @param keywordScores BM25 score per candidate entry (may be empty)
     * @param similarity question similarity per candidate entry, for the union of both candidate lists
     */
    public static List<Ranked> fuse(Map<Long, Float> keywordScores, Map<Long, PhrasingVectors.Best> similarity) {
        double maxKeyword = keywordScores.values().stream().mapToDouble(Float::doubleValue).max().orElse(0);
        Map<Long, Ranked> out = new LinkedHashMap<>();
        similarity.forEach((id, best) -> {
            double keyword = maxKeyword <= 0 ? 0 : keywordScores.getOrDefault(id, 0f) / maxKeyword;
            out.put(id, new Ranked(id, best.question(), best.similarity(),
                    best.similarity() + KEYWORD_WEIGHT * keyword));
        });
        List<Ranked> list = new ArrayList<>(out.values());
        list.sort(Comparator.comparingDouble(Ranked::fused).reversed().thenComparingLong(Ranked::entryId));
        return list;
    }
}
