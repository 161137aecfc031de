package io.oriole.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

import io.oriole.knowledge.KnowledgeEntry;
import io.oriole.knowledge.model.HybridRanking;
import io.oriole.knowledge.model.PairFeatures;
import io.oriole.knowledge.model.QuestionSimilarity;
import io.oriole.knowledge.model.PhrasingVectors;
import io.oriole.knowledge.model.TextTerms;
import io.oriole.triage.Language;
import io.oriole.triage.model.Embedder;
import io.oriole.triage.model.LanguageDetector;

/**
 * One tenant's published entries, searchable two ways: an in-memory Lucene index (BM25) over HanLP-segmented
 * questions, tags and answers, and the BGE embedding of every question. {@link #put} and {@link #remove} take
 * effect for the next search (near-real-time reader refresh), so edits show without a restart.
 */
public final class TenantIndex implements AutoCloseable {

    /** Candidates taken from each retriever before fusion. */
    static final int CANDIDATES = 30;

    private final Embedder embedder;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<Long, KnowledgeEntry> entries = new ConcurrentHashMap<>();
    private final Map<Long, PhrasingVectors> vectors = new ConcurrentHashMap<>();

    public TenantIndex(Embedder embedder) {
        this.embedder = embedder;
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()));
            searchers = new SearcherManager(writer, null);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds or replaces entries (embedding their questions in batches per language). */
    public synchronized void putAll(Collection<KnowledgeEntry> batch) {
        Map<Language, List<String>> texts = new HashMap<>();
        for (KnowledgeEntry e : batch) {
            for (String q : e.questions()) {
                texts.computeIfAbsent(LanguageDetector.detect(q, e.language()), l -> new ArrayList<>()).add(q);
            }
        }
        Map<String, float[]> encoded = new HashMap<>();
        texts.forEach((language, list) -> {
            List<float[]> out = embedder.encodeAll(list, language);
            for (int i = 0; i < list.size(); i++) {
                encoded.put(language.code() + '\u0000' + list.get(i), out.get(i));
            }
        });
        try {
            for (KnowledgeEntry e : batch) {
                List<PhrasingVectors.Phrasing> phrasings = new ArrayList<>();
                for (String q : new LinkedHashSet<>(e.questions())) {
                    Language l = LanguageDetector.detect(q, e.language());
                    phrasings.add(new PhrasingVectors.Phrasing(l,
                            PairFeatures.Side.of(q, encoded.get(l.code() + '\u0000' + q))));
                }
                writer.updateDocument(new Term("id", Long.toString(e.id())), document(e));
                entries.put(e.id(), e);
                vectors.put(e.id(), new PhrasingVectors(e.id(), phrasings));
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
            matrices.clear();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public void put(KnowledgeEntry entry) {
        putAll(List.of(entry));
    }

    public synchronized void remove(long entryId) {
        try {
            writer.deleteDocuments(new Term("id", Long.toString(entryId)));
            entries.remove(entryId);
            vectors.remove(entryId);
            writer.commit();
            searchers.maybeRefreshBlocking();
            matrices.clear();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Embedder embedder() {
        return embedder;
    }

    public int size() {
        return entries.size();
    }

    public KnowledgeEntry entry(long id) {
        return entries.get(id);
    }

    /** Hybrid search: BM25 and embedding candidates fused by {@link HybridRanking}, best first. */
    public List<HybridRanking.Ranked> search(String question, int limit) {
        if (question == null || question.isBlank() || entries.isEmpty()) {
            return List.of();
        }
        Language language = LanguageDetector.detect(question);
        float[] queryVector = embedder.encode(question, language);
        PairFeatures.Side query = PairFeatures.Side.of(question, queryVector);
        Map<Long, Float> keyword = keywordCandidates(question);
        Set<Long> candidates = new LinkedHashSet<>(keyword.keySet());
        candidates.addAll(vectorCandidates(language, PhrasingVectors.normalised(queryVector)));
        Map<Long, PhrasingVectors.Best> similarity = new LinkedHashMap<>();
        for (long id : candidates) {
            PhrasingVectors v = vectors.get(id);
            if (v != null) {
                similarity.put(id, v.best(QuestionSimilarity.DEFAULT, language, query));
            }
        }
        List<HybridRanking.Ranked> ranked = HybridRanking.fuse(keyword, similarity);
        return ranked.size() > limit ? ranked.subList(0, limit) : ranked;
    }

    private Map<Long, Float> keywordCandidates(String question) {
        List<String> terms = TextTerms.searchTerms(question);
        if (terms.isEmpty()) {
            return Map.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String t : new LinkedHashSet<>(terms)) {
            query.add(new TermQuery(new Term("questions", t)), BooleanClause.Occur.SHOULD);
            query.add(new BoostQuery(new TermQuery(new Term("tags", t)), 0.5f), BooleanClause.Occur.SHOULD);
            query.add(new BoostQuery(new TermQuery(new Term("body", t)), 0.3f), BooleanClause.Occur.SHOULD);
        }
        Map<Long, Float> out = new LinkedHashMap<>();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                for (ScoreDoc hit : searcher.search(query.build(), CANDIDATES).scoreDocs) {
                    Document d = searcher.storedFields().document(hit.doc);
                    out.put(d.getField("entry").numericValue().longValue(), hit.score);
                }
            }
            finally {
                searchers.release(searcher);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Exact cosine over every question vector of the query's language: one contiguous matrix of unit vectors per
     * language (rebuilt on the first search after an edit), four accumulators per dot product, and a primitive
     * top-k of the best question per entry.
     */
    private List<Long> vectorCandidates(Language language, float[] unitQuery) {
        VectorMatrix m = matrix(language);
        if (m == null || m.dimensions() != unitQuery.length) {
            return List.of();
        }
        long[] topIds = new long[CANDIDATES];
        float[] topScores = new float[CANDIDATES];
        java.util.Arrays.fill(topScores, Float.NEGATIVE_INFINITY);
        int minAt = 0;
        int d = m.dimensions();
        float[] data = m.data();
        long[] ids = m.entryIds();
        for (int row = 0; row < ids.length; row++) {
            int o = row * d;
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            int i = 0;
            for (; i + 3 < d; i += 4) {
                s0 += unitQuery[i] * data[o + i];
                s1 += unitQuery[i + 1] * data[o + i + 1];
                s2 += unitQuery[i + 2] * data[o + i + 2];
                s3 += unitQuery[i + 3] * data[o + i + 3];
            }
            for (; i < d; i++) {
                s0 += unitQuery[i] * data[o + i];
            }
            float score = s0 + s1 + s2 + s3;
            if (score <= topScores[minAt]) {
                continue;
            }
            int existing = -1;
            for (int k = 0; k < CANDIDATES; k++) {
                if (topIds[k] == ids[row] && topScores[k] != Float.NEGATIVE_INFINITY) {
                    existing = k;
                    break;
                }
            }
            if (existing >= 0) {
                topScores[existing] = Math.max(topScores[existing], score);
            }
            else {
                topIds[minAt] = ids[row];
                topScores[minAt] = score;
            }
            for (int k = 0; k < CANDIDATES; k++) {
                if (topScores[k] < topScores[minAt]) {
                    minAt = k;
                }
            }
        }
        List<Long> out = new ArrayList<>(CANDIDATES);
        for (int k = 0; k < CANDIDATES; k++) {
            if (topScores[k] != Float.NEGATIVE_INFINITY) {
                out.add(topIds[k]);
            }
        }
        return out;
    }

    /** Unit question vectors of one language, row by row, with the entry of each row. */
    record VectorMatrix(int dimensions, float[] data, long[] entryIds) {
    }

    private final Map<Language, VectorMatrix> matrices = new ConcurrentHashMap<>();

    private VectorMatrix matrix(Language language) {
        VectorMatrix m = matrices.get(language);
        if (m != null) {
            return m;
        }
        synchronized (this) {
            return matrices.computeIfAbsent(language, l -> {
                List<PhrasingVectors.Phrasing> rows = new ArrayList<>();
                List<Long> owners = new ArrayList<>();
                for (PhrasingVectors v : vectors.values()) {
                    for (PhrasingVectors.Phrasing p : v.phrasings()) {
                        if (p.language() == l && p.unit() != null) {
                            rows.add(p);
                            owners.add(v.entryId());
                        }
                    }
                }
                if (rows.isEmpty()) {
                    return new VectorMatrix(0, new float[0], new long[0]);
                }
                int d = rows.get(0).unit().length;
                float[] data = new float[rows.size() * d];
                long[] ids = new long[rows.size()];
                for (int r = 0; r < rows.size(); r++) {
                    System.arraycopy(rows.get(r).unit(), 0, data, r * d, d);
                    ids[r] = owners.get(r);
                }
                return new VectorMatrix(d, data, ids);
            });
        }
    }

    private static Document document(KnowledgeEntry e) {
        Document d = new Document();
        d.add(new StringField("id", Long.toString(e.id()), Field.Store.NO));
        d.add(new StoredField("entry", e.id()));
        d.add(new LongPoint("entryPoint", e.id()));
        d.add(new TextField("questions", String.join(" ", e.questions().stream()
                .flatMap(q -> TextTerms.searchTerms(q).stream()).toList()), Field.Store.NO));
        d.add(new TextField("tags", String.join(" ", TextTerms.searchTerms(e.category() + " "
                + String.join(" ", e.tags()))), Field.Store.NO));
        d.add(new TextField("body", String.join(" ", TextTerms.searchTerms(e.body())), Field.Store.NO));
        return d;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
