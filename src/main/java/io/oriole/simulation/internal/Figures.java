package io.oriole.simulation.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Customer-experience figures over a set of calls that asked for an agent.
 *
 * @param queued        calls that asked for an agent (answered at once, after a wait, or abandoned)
 * @param served        answered
 * @param abandoned     hung up while waiting
 * @param abandonRate   abandoned / queued
 * @param meanWaitServedSeconds mean wait of the answered calls
 * @param p90WaitServedSeconds  90th percentile (nearest rank) of the answered calls' waits
 * @param serviceLevel  share of {@code queued} answered within their priority's target
 * @param waitHistogram answered calls by wait: see {@link #WAIT_BUCKETS}
 */
public record Figures(int queued, int served, int abandoned, double abandonRate, double meanWaitServedSeconds,
        double p90WaitServedSeconds, double serviceLevel, int[] waitHistogram) {

    /** Upper bounds (inclusive, seconds) of the wait histogram's buckets; the last bucket is open. */
    public static final long[] WAIT_BUCKETS = {0, 10, 30, 60, 120, 300, 600};
    public static final List<String> WAIT_BUCKET_LABELS = List.of("0 s", "1-10 s", "11-30 s", "31-60 s", "61-120 s",
            "121-300 s", "301-600 s", "> 600 s");

    public static Figures of(List<CallOutcome> outcomes, Map<String, Long> targets) {
        int served = 0;
        int withinTarget = 0;
        long[] waits = new long[outcomes.size()];
        int[] histogram = new int[WAIT_BUCKETS.length + 1];
        double sum = 0;
        for (CallOutcome outcome : outcomes) {
            if (!outcome.served()) {
                continue;
            }
            waits[served++] = outcome.waited();
            sum += outcome.waited();
            Long target = targets.get(outcome.priority());
            if (target != null && outcome.waited() <= target) {
                withinTarget++;
            }
            int bucket = 0;
            while (bucket < WAIT_BUCKETS.length && outcome.waited() > WAIT_BUCKETS[bucket]) {
                bucket++;
            }
            histogram[bucket]++;
        }
        int queued = outcomes.size();
        long[] sorted = Arrays.copyOf(waits, served);
        Arrays.sort(sorted);
        double p90 = served == 0 ? 0 : sorted[(int) Math.ceil(0.9 * served) - 1];
        return new Figures(queued, served, queued - served, queued == 0 ? 0 : (double) (queued - served) / queued,
                served == 0 ? 0 : sum / served, p90, queued == 0 ? 0 : (double) withinTarget / queued, histogram);
    }

    /** Figures overall and per priority label, in the trace's label order. */
    public static Map<String, Figures> byPriority(List<CallOutcome> outcomes, List<String> labels, Map<String, Long> targets) {
        Map<String, Figures> figures = new LinkedHashMap<>();
        for (String label : labels) {
            figures.put(label, of(outcomes.stream().filter(o -> o.priority().equals(label)).toList(), targets));
        }
        return figures;
    }

    Map<String, Object> toJson(Long targetSeconds) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("queued", queued);
        json.put("served", served);
        json.put("abandoned", abandoned);
        json.put("abandonRate", abandonRate);
        json.put("meanWaitServedSeconds", meanWaitServedSeconds);
        json.put("p90WaitServedSeconds", p90WaitServedSeconds);
        json.put("serviceLevel", serviceLevel);
        if (targetSeconds != null) {
            json.put("targetSeconds", targetSeconds);
        }
        json.put("waitHistogram", Arrays.stream(waitHistogram).boxed().toList());
        return json;
    }
}
