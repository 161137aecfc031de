package io.oriole.triage.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import io.oriole.triage.Language;

/**
 * Sentence embeddings from the quantised BGE-small ONNX models shipped inside the LangChain4j jars
 * (512 dimensions for Chinese, 384 for English; nothing downloaded). Each model is loaded on first use; a small LRU cache keyed
 * by language and text spares re-encoding the same text (training sets, prototypes, retries).
 * Thread-safe.
 */
public final class Embedder implements TextEncoder {

    /** BGE-small reads at most 512 tokens; longer text only costs time. */
    private static final int MAX_CHARS = 512;

    private final Supplier<EmbeddingModel> zh = lazily(BgeSmallZhV15QuantizedEmbeddingModel::new);
    private final Supplier<EmbeddingModel> en = lazily(BgeSmallEnV15QuantizedEmbeddingModel::new);
    private final Map<String, float[]> cache;

    public Embedder(int cacheSize) {
        this.cache = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > cacheSize;
            }
        };
    }

    /** Encodes with the model of the text's own detected language. */
    public float[] encode(String text) {
        return encode(text, LanguageDetector.detect(text));
    }

    @Override
    public float[] encode(String text, Language language) {
        String key = key(text, language);
        float[] cached = cached(key);
        if (cached != null) {
            return cached;
        }
        float[] vector = model(language).embed(clip(text)).content().vector();
        remember(key, vector);
        return vector;
    }

    @Override
    public List<float[]> encodeAll(List<String> texts, Language language) {
        List<float[]> out = new ArrayList<>(texts.size());
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            float[] cached = cached(key(texts.get(i), language));
            out.add(cached);
            if (cached == null) {
                missing.add(i);
            }
        }
        // Batches keep memory flat; the model spreads each batch over its own executor.
        int batch = 256;
        for (int from = 0; from < missing.size(); from += batch) {
            List<Integer> part = missing.subList(from, Math.min(missing.size(), from + batch));
            List<TextSegment> segments = part.stream().map(i -> TextSegment.from(clip(texts.get(i)))).toList();
            var embeddings = model(language).embedAll(segments).content();
            for (int j = 0; j < part.size(); j++) {
                int i = part.get(j);
                float[] vector = embeddings.get(j).vector();
                out.set(i, vector);
                remember(key(texts.get(i), language), vector);
            }
        }
        return out;
    }

    private EmbeddingModel model(Language language) {
        return language == Language.ZH ? zh.get() : en.get();
    }

    private static String clip(String text) {
        String t = text == null || text.isBlank() ? "." : text;
        return t.length() > MAX_CHARS ? t.substring(0, MAX_CHARS) : t;
    }

    private static String key(String text, Language language) {
        return language.code() + '\u0000' + text;
    }

    private float[] cached(String key) {
        synchronized (cache) {
            return cache.get(key);
        }
    }

    private void remember(String key, float[] vector) {
        synchronized (cache) {
            cache.put(key, vector);
        }
    }

    private static <T> Supplier<T> lazily(Supplier<T> factory) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        v = value;
                        if (v == null) {
                            v = factory.get();
                            value = v;
                        }
                    }
                }
                return v;
            }
        };
    }
}
