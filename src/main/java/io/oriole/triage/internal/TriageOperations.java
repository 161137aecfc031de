package io.oriole.triage.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.oriole.triage.IntentExample;
import io.oriole.triage.PriorityLevel;
import io.oriole.triage.TriageResult;
import io.oriole.triage.model.MessageTriage;

/** The module's internals behind {@link io.oriole.triage.TriageManagement}. */
@Component
public class TriageOperations {

    private final TriageStore store;
    private final TenantTriages tenants;

    TriageOperations(TriageStore store, TenantTriages tenants) {
        this.store = store;
        this.tenants = tenants;
    }

    public void replaceIntentExamples(long tenantId, List<IntentExample> examples, Instant now) {
        store.replaceIntentExamples(tenantId, examples, now);
        tenants.retrain(tenantId);
    }

    public Optional<TriageResult> latest(long tenantId, long conversationId) {
        return store.latest(tenantId, conversationId);
    }

    public Map<Long, PriorityLevel> latestLevels(long tenantId, Collection<Long> conversationIds) {
        return store.latestLevels(tenantId, conversationIds);
    }

    public TriageResult preview(long tenantId, String text) {
        return tenants.forTenant(tenantId).triage(text, MessageTriage.CustomerContext.ordinary());
    }
}
