package io.oriole.sla;

import io.oriole.triage.PriorityLevel;

/**
 * How often a metric's promise was kept in a period, for one priority ({@code null} = not triaged). A deadline
 * counts once: {@code met} kept, {@code missed} fulfilled late or breached and still open.
 */
public record Attainment(SlaMetric metric, PriorityLevel priority, long met, long missed) {

    public long total() {
        return met + missed;
    }

    /** Share kept, 0..1; 1 when nothing was due. */
    public double rate() {
        return total() == 0 ? 1.0 : (double) met / total();
    }
}
