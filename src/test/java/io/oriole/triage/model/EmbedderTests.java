package io.oriole.triage.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.oriole.triage.Language;

/** Loads both bundled models once for the class. */
class EmbedderTests {

    private static final Embedder EMBEDDER = new Embedder(100);

    @Test
    void textIsEncodedWithTheModelOfItsLanguage() {
        float[] zh = EMBEDDER.encode("支付一直失败");
        float[] en = EMBEDDER.encode("payment keeps failing");
        assertThat(zh).hasSize(512); // bge-small-zh
        assertThat(en).hasSize(384); // bge-small-en
        assertThat(EMBEDDER.encode("支付一直失败", Language.ZH)).isSameAs(zh);
        assertThat(EMBEDDER.encode("payment keeps failing", Language.EN)).isSameAs(en);
    }

    @Test
    void paraphrasesAreCloserThanUnrelatedText() {
        float[] refund = EMBEDDER.encode("I want my money back", Language.EN);
        double paraphrase = TextClassifier.cosine(refund, EMBEDDER.encode("please refund my order", Language.EN));
        double unrelated = TextClassifier.cosine(refund, EMBEDDER.encode("the weather is sunny today", Language.EN));
        assertThat(paraphrase).isGreaterThan(unrelated);
    }

    @Test
    void batchEncodingMatchesSingleEncoding() {
        List<float[]> batch = EMBEDDER.encodeAll(List.of("订单什么时候到", "我要退款"), Language.ZH);
        assertThat(batch.get(1)).containsExactly(EMBEDDER.encode("我要退款", Language.ZH));
    }
}
