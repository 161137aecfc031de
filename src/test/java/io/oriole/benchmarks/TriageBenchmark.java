package io.oriole.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.oriole.customer.VipTier;
import io.oriole.triage.TriageResult;
import io.oriole.triage.model.Embedder;
import io.oriole.triage.model.LabelledCsv;
import io.oriole.triage.model.LabelledText;
import io.oriole.triage.model.MessageTriage;
import io.oriole.triage.model.PriorityWeights;
import io.oriole.triage.model.TextClassifier;

/**
 * Triage of one customer message, as the listener runs it: language, urgency, category, key facts, sentiment,
 * the tenant's intent classifier (embedding plus logistic regression), complexity and priority. The classifier is
 * trained on a public intent data set (at most 40 examples per label, like a tenant's upload) and the messages
 * are that set's test texts, cycled. The embedding cache is off, so every message pays for its own embedding,
 * as a fresh customer message does.
 *
 * <p>Run with {@code scripts/bench.sh TriageBenchmark}; the data folder is {@code -Doriole.data=…}
 * (default {@code ../shared/data}).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class TriageBenchmark {

    @Param({ "zh", "en" })
    public String language;

    private MessageTriage triage;
    private List<String> messages;
    private final AtomicInteger next = new AtomicInteger();
    private final MessageTriage.CustomerContext customer = new MessageTriage.CustomerContext(VipTier.GOLD, false,
            Duration.ofMinutes(3));

    @Setup(Level.Trial)
    public void train() throws Exception {
        Path data = Path.of(System.getProperty("oriole.data", "../shared/data"), "intents");
        String set = language.equals("zh") ? "smp2017_zh" : "bitext_en";
        List<LabelledText> train = capPerLabel(LabelledCsv.read(data.resolve(set + "_train.csv")), 40);
        messages = LabelledCsv.read(data.resolve(set + "_test.csv")).stream().map(LabelledText::text).toList();
        TextClassifier intents = TextClassifier.train(train, new Embedder(0), TextClassifier.Settings.defaults());
        triage = new MessageTriage(intents, null, List.of("Oriole Phone X", "星河路由器"), PriorityWeights.defaults());
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public TriageResult latency() {
        return triage.triage(messages.get(Math.floorMod(next.getAndIncrement(), messages.size())), customer);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public TriageResult throughput() {
        return triage.triage(messages.get(Math.floorMod(next.getAndIncrement(), messages.size())), customer);
    }

    private static List<LabelledText> capPerLabel(List<LabelledText> all, int cap) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<LabelledText> kept = new ArrayList<>();
        for (LabelledText t : all) {
            if (seen.merge(t.label(), 1, Integer::sum) <= cap) {
                kept.add(t);
            }
        }
        return kept;
    }
}
