package io.oriole.routing.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.oriole.sla.SlaManagement;
import io.oriole.tenant.TenantId;

/**
 * Routing's slack is measured against the earliest deadline the SLA module has stored for the conversation. A
 * conversation no policy covers (or not yet) falls back to a per-priority target from the time it was queued, so
 * the sla-aware order never lacks a deadline; {@code SlaApplied} later replaces it with the real one.
 */
class SlaDeadlines implements DeadlineLookup {

    private final SlaManagement sla;
    private final DeadlineLookup fallback;

    SlaDeadlines(SlaManagement sla, DeadlineLookup fallback) {
        this.sla = sla;
        this.fallback = fallback;
    }

    @Override
    public Optional<Instant> deadline(long tenantId, long conversationId, int priority, Instant queuedAt) {
        Instant stored = sla.earliestDeadlines(new TenantId(tenantId), List.of(conversationId)).get(conversationId);
        return stored != null ? Optional.of(stored) : fallback.deadline(tenantId, conversationId, priority, queuedAt);
    }
}
