package io.oriole.knowledge.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HybridRankingTests {

    @Test
    void keywordBonusBreaksANearTieButConfidenceStaysTheSimilarity() {
        Map<Long, PhrasingVectors.Best> similarity = new LinkedHashMap<>();
        similarity.put(1L, new PhrasingVectors.Best("电子发票下载", 0.80));
        similarity.put(2L, new PhrasingVectors.Best("发票开具", 0.79));

        List<HybridRanking.Ranked> ranked = HybridRanking.fuse(Map.of(2L, 10f, 1L, 2f), similarity);

        assertThat(ranked).extracting(HybridRanking.Ranked::entryId).containsExactly(2L, 1L);
        assertThat(ranked.get(0).similarity()).isEqualTo(0.79);
    }

    @Test
    void keywordsCannotLiftAPoorMatchOverAClearlyBetterOne() {
        Map<Long, PhrasingVectors.Best> similarity = new LinkedHashMap<>();
        similarity.put(1L, new PhrasingVectors.Best("How do I get an invoice?", 0.90));
        similarity.put(2L, new PhrasingVectors.Best("Invoice details are wrong", 0.40));

        List<HybridRanking.Ranked> ranked = HybridRanking.fuse(Map.of(2L, 30f), similarity);

        assertThat(ranked.get(0).entryId()).isEqualTo(1L);
    }

    @Test
    void candidatesFoundOnlyByEmbeddingsAreRankedToo() {
        Map<Long, PhrasingVectors.Best> similarity = Map.of(7L, new PhrasingVectors.Best("钱能退回来吗", 0.7));

        assertThat(HybridRanking.fuse(Map.of(), similarity)).singleElement()
                .satisfies(r -> assertThat(r.fused()).isEqualTo(0.7));
    }
}
