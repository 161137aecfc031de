package io.oriole.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.oriole.knowledge.EntryStatus;
import io.oriole.knowledge.KnowledgeEntry;
import io.oriole.knowledge.internal.TenantIndex;
import io.oriole.knowledge.model.HybridRanking;
import io.oriole.triage.Language;
import io.oriole.triage.model.Embedder;

/**
 * The bot's answer lookup (query embedding + BM25 + vector scan + pair scoring + fusion) against 10,000 knowledge
 * entries on the machine's cores (floor: p95 ≤ 50 ms). Entries: the first 10,000 distinct questions of
 * ../shared/data/matching/atec_ccks_dev.tsv (each the title of an entry whose phrasing is its pair partner);
 * queries: the test file's questions that are not indexed, each embedded afresh (the embedder's cache is off, so no query is answered from
 * it). Indexing time for the 10,000 entries is printed once in the setup.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = "-Xmx2g")
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 4, time = 10)
public class KnowledgeRetrievalBenchmark {

    static final int ENTRIES = 10_000;
    static final Path DATA = Path.of("../shared/data/matching");

    TenantIndex index;
    List<String> queries;
    int next;

    @Setup(Level.Trial)
    public void index() throws IOException {
        // Each distinct question of the dev file becomes an entry, its pair partner a phrasing.
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DATA.resolve("atec_ccks_dev.tsv"), StandardCharsets.UTF_8).subList(1,
                10_001)) {
            String[] f = line.split("\t", -1);
            pairs.putIfAbsent(f[0], f[1]);
            pairs.putIfAbsent(f[1], f[0]);
        }
        List<KnowledgeEntry> entries = new ArrayList<>();
        long id = 1;
        for (Map.Entry<String, String> p : pairs.entrySet()) {
            entries.add(new KnowledgeEntry(id++, 1, p.getKey(), "Answer to: " + p.getKey(), List.of(p.getValue()),
                    "finance", Language.ZH, List.of(), EntryStatus.PUBLISHED, 1, Instant.EPOCH, Instant.EPOCH, "bench"));
            if (entries.size() == ENTRIES) {
                break;
            }
        }
        queries = Files.readAllLines(DATA.resolve("atec_ccks_test.tsv"), StandardCharsets.UTF_8).stream().skip(1)
                .map(l -> l.split("\t", -1)[0]).filter(q -> !pairs.containsKey(q)).distinct().limit(5_000).toList();
        index = new TenantIndex(new Embedder(1));
        long started = System.nanoTime();
        index.putAll(entries);
        System.out.printf("%nindexed %d entries (%d questions) in %.1f s%n", index.size(), entries.size() * 2,
                (System.nanoTime() - started) / 1e9);
    }

    @TearDown(Level.Trial)
    public void close() {
        index.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<HybridRanking.Ranked> answerLookup() {
        String q = queries.get(next++ % queries.size());
        return index.search(q, 1);
    }
}
