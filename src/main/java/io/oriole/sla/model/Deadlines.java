package io.oriole.sla.model;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import io.oriole.sla.SlaMetric;

/**
 * The running deadlines of one conversation: when each metric is due, when its warning falls, the earliest due
 * time, and {@code nextActionAt}, the first moment at which a scan has something to do (a warning, a reminder or
 * a breach); null when nothing is pending.
 */
public record Deadlines(Map<SlaMetric, Instant> due, Map<SlaMetric, Instant> warnAt, Instant earliest,
        Instant nextActionAt) {

    static final Deadlines NONE = new Deadlines(Map.of(), Map.of(), null, null);

    public Deadlines {
        due = Collections.unmodifiableMap(due.isEmpty() ? Map.of() : new EnumMap<>(due));
        warnAt = Collections.unmodifiableMap(warnAt.isEmpty() ? Map.of() : new EnumMap<>(warnAt));
    }

    public Instant due(SlaMetric metric) {
        return due.get(metric);
    }
}
