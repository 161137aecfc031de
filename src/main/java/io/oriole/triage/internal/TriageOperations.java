package io.oriole.triage.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.oriole.cluster.ClusterChanges;
import io.oriole.cluster.RemoteChange;
import io.oriole.triage.ConversationTriaged;
import io.oriole.triage.IntentExample;
import io.oriole.triage.Priority;
import io.oriole.triage.PriorityFactor;
import io.oriole.triage.PriorityLevel;
import io.oriole.triage.PriorityOverridden;
import io.oriole.triage.PriorityOverride;
import io.oriole.triage.TriageResult;
import io.oriole.triage.TriageSettings;
import io.oriole.triage.model.MessageTriage;
import io.oriole.triage.model.PriorityWeights;

/** The module's internals behind {@link io.oriole.triage.TriageManagement}. */
@Component
public class TriageOperations {

    /** Announcement topics: the tenant's labelled examples changed (retrain), or its rules (catalogue, weights). */
    static final String EXAMPLES_CHANGED = "triage.examples";
    static final String RULES_CHANGED = "triage.rules";

    private final TriageStore store;
    private final TenantTriages tenants;
    private final ApplicationEventPublisher events;
    private final ClusterChanges cluster;

    TriageOperations(TriageStore store, TenantTriages tenants, ApplicationEventPublisher events,
            ClusterChanges cluster) {
        this.store = store;
        this.tenants = tenants;
        this.events = events;
        this.cluster = cluster;
    }

    public void replaceIntentExamples(long tenantId, List<IntentExample> examples, Instant now) {
        store.replaceIntentExamples(tenantId, examples, now);
        examplesChanged(tenantId);
    }

    @Transactional
    public void addIntentExamples(long tenantId, List<IntentExample> examples, Instant now) {
        store.addIntentExamples(tenantId, examples, now);
        examplesChanged(tenantId);
    }

    @Transactional
    public int deleteIntentLabel(long tenantId, String label) {
        int removed = store.deleteLabel(tenantId, label);
        if (removed > 0) {
            examplesChanged(tenantId);
        }
        return removed;
    }

    public List<IntentExample> intentExamples(long tenantId) {
        return store.intentExamples(tenantId);
    }

    public TriageSettings settings(long tenantId) {
        PriorityWeights defaults = PriorityWeights.defaults();
        Map<String, Number> weights = new java.util.LinkedHashMap<>(defaults.asMap());
        weights.putAll(store.priorityWeights(tenantId));
        return new TriageSettings(store.examplesPerLabel(tenantId), store.catalogue(tenantId), weights,
                defaults.asMap());
    }

    /** Validates the whole set against the defaults first, so a bad weight changes nothing. */
    @Transactional
    public void replacePriorityWeights(long tenantId, Map<String, ? extends Number> weights) {
        PriorityWeights.defaults().with(weights);
        store.replacePriorityWeights(tenantId, weights);
        rulesChanged(tenantId);
    }

    @Transactional
    public void replaceCatalogue(long tenantId, Collection<String> products) {
        store.replaceCatalogue(tenantId, new LinkedHashSet<>(products));
        rulesChanged(tenantId);
    }

    public Optional<TriageResult> latest(long tenantId, long conversationId) {
        return store.latest(tenantId, conversationId).map(r -> withOverride(tenantId, conversationId, r));
    }

    public Map<Long, PriorityLevel> latestLevels(long tenantId, Collection<Long> conversationIds) {
        Map<Long, PriorityLevel> levels = new HashMap<>(store.latestLevels(tenantId, conversationIds));
        levels.putAll(store.overriddenLevels(tenantId, conversationIds));
        return levels;
    }

    public List<PriorityOverride> overrides(long tenantId, long conversationId) {
        return store.overrides(tenantId, conversationId);
    }

    /**
     * Records the override and announces the conversation's priority as it now stands. A conversation not yet
     * triaged keeps the override and gets it applied to its first triage.
     */
    @Transactional
    public PriorityOverride override(long tenantId, long conversationId, PriorityLevel level, String reason,
            long byUserId, String byName, Instant now) {
        Optional<TriageResult> before = latest(tenantId, conversationId);
        PriorityOverride o = new PriorityOverride(conversationId, level, before.map(r -> r.priority().level())
                .orElse(null), reason, byUserId, byName, now);
        store.saveOverride(tenantId, o);
        events.publishEvent(new PriorityOverridden(tenantId, conversationId, level, o.previousLevel(), reason,
                byUserId, byName, now));
        Optional<Long> message = store.latestTriagedMessage(tenantId, conversationId);
        Optional<TriageResult> after = latest(tenantId, conversationId);
        if (message.isPresent() && after.isPresent()) {
            events.publishEvent(new ConversationTriaged(tenantId, conversationId, message.get(), after.get(), now));
        }
        return o;
    }

    /** The result with the conversation's override in force applied: its level, and who set it and why. */
    TriageResult withOverride(long tenantId, long conversationId, TriageResult computed) {
        List<PriorityOverride> all = store.overrides(tenantId, conversationId);
        if (all.isEmpty() || all.get(all.size() - 1).clearsOverride()) {
            return computed;
        }
        PriorityOverride o = all.get(all.size() - 1);
        List<PriorityFactor> factors = new ArrayList<>(computed.priority().factors());
        factors.add(new PriorityFactor(PriorityFactor.OVERRIDE,
                "set to " + o.level() + " by " + o.byName() + " (triage said " + computed.priority().level() + "): "
                        + o.reason(), 0));
        return new TriageResult(computed.language(), computed.category(), computed.intent(), computed.urgency(),
                computed.sentiment(), computed.facts(), computed.complexity(),
                new Priority(o.level(), computed.priority().score(), factors));
    }

    /** Training reads the examples on another thread, so it starts once they are committed; other nodes too. */
    private void examplesChanged(long tenantId) {
        afterCommit(() -> {
            tenants.retrain(tenantId);
            cluster.announce(new RemoteChange(EXAMPLES_CHANGED, tenantId, null));
        });
    }

    /** Changed rules apply at once here and, once announced, on the other nodes. */
    private void rulesChanged(long tenantId) {
        afterCommit(() -> {
            tenants.refreshRules(tenantId);
            cluster.announce(new RemoteChange(RULES_CHANGED, tenantId, null));
        });
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    public TriageResult preview(long tenantId, String text) {
        return tenants.forTenant(tenantId).triage(text, MessageTriage.CustomerContext.ordinary());
    }
}
