package io.oriole.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.oriole.knowledge.KnowledgeEntry;
import io.oriole.knowledge.model.HybridRanking;
import io.oriole.triage.model.Embedder;

/**
 * Bot retrieval quality on the demo knowledge base: held-out phrasings (written for this test, not in the entries)
 * must find their entry first. Prints hit@1, MRR@5 and how confident the bot is on the hits; docs/benchmarks.md
 * records the figures.
 */
class DemoKnowledgeRetrievalTests {

    record Probe(String question, String expectedTitle) {
    }

    @Test
    void heldOutPhrasingsFindTheirEntryFirst() throws IOException {
        List<KnowledgeEntry> entries = demoEntries();
        List<Probe> probes = probes();
        try (TenantIndex index = new TenantIndex(new Embedder(10_000))) {
            index.putAll(entries);
            int hits = 0;
            double reciprocal = 0;
            int confidentHits = 0;
            List<String> misses = new ArrayList<>();
            for (Probe p : probes) {
                List<HybridRanking.Ranked> ranked = index.search(p.question(), 5);
                for (int rank = 0; rank < ranked.size(); rank++) {
                    if (index.entry(ranked.get(rank).entryId()).title().equals(p.expectedTitle())) {
                        reciprocal += 1.0 / (rank + 1);
                        if (rank == 0) {
                            hits++;
                            confidentHits += ranked.get(0).similarity() >= 0.6 ? 1 : 0;
                        }
                        break;
                    }
                }
                if (ranked.isEmpty() || !index.entry(ranked.get(0).entryId()).title().equals(p.expectedTitle())) {
                    misses.add(p.question() + " → " + (ranked.isEmpty() ? "nothing"
                            : index.entry(ranked.get(0).entryId()).title()));
                }
            }
            double hitAt1 = (double) hits / probes.size();
            double mrr = reciprocal / probes.size();
            System.out.printf(Locale.ROOT, "demo retrieval: probes=%d hit@1=%.3f MRR@5=%.3f confident(>=0.6)=%d%n",
                    probes.size(), hitAt1, mrr, confidentHits);
            misses.forEach(m -> System.out.println("  miss: " + m));
            assertThat(hitAt1).isGreaterThanOrEqualTo(0.85);
            assertThat(mrr).isGreaterThanOrEqualTo(0.9);
        }
    }

    static List<KnowledgeEntry> demoEntries() throws IOException {
        try (InputStream in = DemoKnowledgeRetrievalTests.class.getResourceAsStream("/demo/knowledge-demo.csv")) {
            List<KnowledgeFiles.Row> rows = KnowledgeFiles.fromCsv(in.readAllBytes());
            List<KnowledgeEntry> entries = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                var d = rows.get(i).draft();
                entries.add(new KnowledgeEntry(i + 1, 1, d.title(), d.body(), d.phrasings(), d.category(),
                        d.language(), d.tags(), d.status(), 1, Instant.EPOCH, Instant.EPOCH, "test"));
            }
            return entries;
        }
    }

    static List<Probe> probes() throws IOException {
        try (InputStream in = DemoKnowledgeRetrievalTests.class.getResourceAsStream("/knowledge/demo-heldout.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).filter(l -> !l.isBlank())
                    .map(l -> l.split("\t")).map(f -> new Probe(f[0], f[1])).toList();
        }
    }
}
