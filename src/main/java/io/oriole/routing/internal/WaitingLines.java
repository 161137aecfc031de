package io.oriole.routing.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import io.oriole.routing.WaitEstimate;
import io.oriole.shared.AfterCommit;

/**
 * Each tenant's waiting line with positions and estimated waits, computed once per change instead of once per
 * question. Every waiting customer's widget asks for its place after each push, and computing the line reads all
 * waiting work and all online agents: per question, a line of N customers cost N times the whole line. Any write
 * to the tenant's work rows on this node, and every routing round, marks the line stale; a line computed on
 * another node's writes is trusted for at most {@link #TRUSTED_FOR}.
 */
@Component
public class WaitingLines {

    /** How long a line may be served while another node changes the work behind it. */
    public static final Duration TRUSTED_FOR = Duration.ofSeconds(2);

    private record Line(long generation, long computedAt, List<WaitEstimate> estimates) {
    }

    private final Map<Long, Long> generations = new ConcurrentHashMap<>();
    private final Map<Long, Line> lines = new ConcurrentHashMap<>();

    public List<WaitEstimate> get(long tenantId, Supplier<List<WaitEstimate>> compute) {
        long generation = generations.getOrDefault(tenantId, 0L);
        long now = System.nanoTime();
        Line line = lines.get(tenantId);
        if (line != null && line.generation() == generation && now - line.computedAt() < TRUSTED_FOR.toNanos()) {
            return line.estimates();
        }
        List<WaitEstimate> estimates = List.copyOf(compute.get());
        // Kept only if nothing changed while it was computed; otherwise the next question computes it again.
        if (generations.getOrDefault(tenantId, 0L) == generation) {
            lines.put(tenantId, new Line(generation, now, estimates));
        }
        return estimates;
    }

    /** The tenant's work changed on this node: now, and again once the change has committed. */
    public void changed(long tenantId) {
        bump(tenantId);
        AfterCommit.run(() -> bump(tenantId));
    }

    private void bump(long tenantId) {
        generations.merge(tenantId, 1L, Long::sum);
        lines.remove(tenantId);
    }
}
