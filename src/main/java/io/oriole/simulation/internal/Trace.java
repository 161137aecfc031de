package io.oriole.simulation.internal;

import java.util.List;
import java.util.Map;

/**
 * A recorded stream of calls that asked for an agent.
 *
 * @param file      where it was read from
 * @param format    {@code anonymous-bank} or {@code oriole-csv}
 * @param calls     the calls, by arrival
 * @param labels    the priority labels, most urgent first (for the bank: 2, 1, 0)
 * @param levels    label to the routing model's priority 1..4 (1 most urgent)
 * @param targets   default service-level target per label, in seconds
 * @param hasServers whether the trace names who served each call, so its own staffing can be derived
 */
public record Trace(String file, String format, List<TraceCall> calls, List<String> labels, Map<String, Integer> levels,
        Map<String, Long> targets, boolean hasServers) {

    public long firstArrival() {
        return calls.get(0).arrival();
    }

    public long lastArrival() {
        return calls.get(calls.size() - 1).arrival();
    }

    public List<String> skills() {
        return calls.stream().map(TraceCall::skill).distinct().sorted().toList();
    }
}
