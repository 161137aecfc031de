package io.oriole.sla.model;

import java.time.Instant;

import io.oriole.agent.Tier;
import io.oriole.sla.SlaFactKind;
import io.oriole.sla.SlaMetric;

/**
 * One thing that happened to a conversation's clocks, as decided by {@link ConversationClock}. {@code cycle}
 * tells apart the next-response rounds and the reopenings; {@code seq} numbers the reminders of one cycle, so
 * that {@code (metric, kind, cycle, seq)} identifies a fact and a repeated scan cannot record it twice.
 * {@code met} is set for fulfilments; {@code targetTier} and {@code notifySupervisors} for escalations.
 */
public record SlaFact(SlaFactKind kind, SlaMetric metric, int cycle, int seq, Instant deadline, Instant at,
        Boolean met, Tier targetTier, boolean notifySupervisors) {

    static SlaFact of(SlaFactKind kind, SlaMetric metric, int cycle, Instant deadline, Instant at) {
        return new SlaFact(kind, metric, cycle, 0, deadline, at, null, null, false);
    }
}
