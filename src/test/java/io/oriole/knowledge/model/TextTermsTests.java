package io.oriole.knowledge.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTermsTests {

    @Test
    void chineseIsSegmentedIntoWordsForKeywordSearch() {
        assertThat(TextTerms.searchTerms("怎么修改收货地址")).contains("修改", "地址");
    }

    @Test
    void englishInflectionsMeet() {
        assertThat(TextTerms.stem("refunds")).isEqualTo(TextTerms.stem("refund"));
        assertThat(TextTerms.stem("refunded")).isEqualTo(TextTerms.stem("refund"));
        assertThat(TextTerms.stem("invoices")).isEqualTo(TextTerms.stem("invoice"));
        assertThat(TextTerms.stem("changed")).isEqualTo(TextTerms.stem("change"));
        assertThat(TextTerms.searchTerms("How do I track my packages?")).containsExactly("track", "packag");
    }

    @Test
    void lexicalTermsOfChineseAreCharactersAndBigramsSoSegmentationDoesNotMatter() {
        assertThat(TextTerms.lexicalTerms("收货地址")).contains("收", "收货", "货地", "地址");
        assertThat(QuestionSimilarity.dice(TextTerms.lexicalTerms("收货地址填错了"),
                TextTerms.lexicalTerms("收货 地址 填错 了"))).isGreaterThan(0.7);
    }
}
