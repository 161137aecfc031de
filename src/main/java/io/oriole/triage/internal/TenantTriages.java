package io.oriole.triage.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.oriole.triage.model.Embedder;
import io.oriole.triage.model.LabelledCsv;
import io.oriole.triage.model.LabelledText;
import io.oriole.triage.model.MessageTriage;
import io.oriole.triage.model.PriorityWeights;
import io.oriole.triage.model.TextClassifier;

/**
 * Each tenant's current {@link MessageTriage}. A tenant starts with the rule-based readings at once;
 * its intent classifier is trained on a background thread (seconds) and swapped in when ready, so
 * message intake and triage never wait for training. One training thread per node keeps the CPU
 * for live traffic; a tenant asked to retrain while queued is trained once.
 */
@Component
class TenantTriages implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TenantTriages.class);

    private final TriageStore store;
    private final Embedder embedder;
    private final Map<Long, MessageTriage> current = new ConcurrentHashMap<>();
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();
    private final ExecutorService training = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "triage-training");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    private volatile TextClassifier sentimentModel;

    /**
     * @param sentimentExamples optional CSV file (text,label with positive/negative) to train a
     *        sentiment model from at start, in the background; empty for the lexicon alone
     */
    TenantTriages(TriageStore store, Embedder embedder,
            @Value("${oriole.triage.sentiment-examples:}") String sentimentExamples) {
        this.store = store;
        this.embedder = embedder;
        if (!sentimentExamples.isBlank()) {
            training.execute(() -> trainSentiment(Path.of(sentimentExamples)));
        }
    }

    MessageTriage forTenant(long tenantId) {
        return current.computeIfAbsent(tenantId, id -> {
            retrain(id);
            return rulesFor(id);
        });
    }

    /**
     * Applies changed rules (catalogue, weights) at once, keeping the trained intent classifier: only examples need
     * training.
     */
    void refreshRules(long tenantId) {
        current.compute(tenantId, (id, old) -> {
            MessageTriage fresh = rulesFor(id);
            return old == null ? fresh : fresh.withIntents(old.intents());
        });
    }

    /** Queues training on the tenant's stored examples; returns at once. */
    void retrain(long tenantId) {
        if (queued.add(tenantId)) {
            training.execute(() -> {
                queued.remove(tenantId);
                train(tenantId);
            });
        }
    }

    private void train(long tenantId) {
        try {
            List<LabelledText> examples = store.intentExamples(tenantId).stream()
                    .map(e -> new LabelledText(e.text(), e.label())).toList();
            TextClassifier intents = examples.stream().map(LabelledText::label).distinct().count() < 2 ? null
                    : TextClassifier.train(examples, embedder, TextClassifier.Settings.defaults());
            // Rules are re-read inside compute, so a catalogue or weights change that lands while training ran is
            // never overwritten by rules read before it.
            current.compute(tenantId, (id, old) -> rulesFor(id).withIntents(intents));
            log.info("triage model for tenant {} ready: {} examples", tenantId, examples.size());
        } catch (RuntimeException e) {
            // The previous model keeps serving; the next upload or restart tries again.
            log.warn("training the triage model for tenant {} failed", tenantId, e);
        }
    }

    private void trainSentiment(Path file) {
        try {
            TextClassifier model = TextClassifier.train(LabelledCsv.read(file), embedder,
                    TextClassifier.Settings.defaults().withoutOutOfScope());
            if (!model.labels().contains("negative")) {
                log.warn("sentiment examples {} have no 'negative' label; using the lexicon alone", file);
                return;
            }
            sentimentModel = model;
            current.replaceAll((tenant, triage) -> triage.withSentimentModel(model));
            log.info("sentiment model trained from {}", file);
        } catch (LabelledCsv.CsvException | RuntimeException e) {
            log.warn("cannot train the sentiment model from {}; using the lexicon alone: {}", file, e.getMessage());
        }
    }

    private MessageTriage rulesFor(long tenantId) {
        PriorityWeights weights = PriorityWeights.defaults();
        try {
            weights = weights.with(store.priorityWeights(tenantId));
        } catch (IllegalArgumentException e) {
            log.warn("tenant {} has invalid priority weights, using the defaults: {}", tenantId, e.getMessage());
        }
        return new MessageTriage(null, sentimentModel, store.catalogue(tenantId), weights);
    }

    @Override
    public void destroy() {
        training.shutdownNow();
    }
}
