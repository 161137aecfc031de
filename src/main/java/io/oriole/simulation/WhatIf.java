package io.oriole.simulation;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oriole.routing.model.RoutingPolicies;
import io.oriole.routing.model.RoutingPolicy;
import io.oriole.simulation.internal.CallOutcome;
import io.oriole.simulation.internal.Json;
import io.oriole.simulation.internal.OrioleCsvTrace;
import io.oriole.simulation.internal.SimulateCommand;
import io.oriole.simulation.internal.Simulator;
import io.oriole.simulation.internal.Staffing;
import io.oriole.simulation.internal.Trace;
import io.oriole.simulation.internal.TraceFormatException;

/**
 * The routing simulator as a library call, for the supervisors' what-if page: "what would this period have looked
 * like under another policy, or with N agents?". It reads an {@code oriole-csv} history (the platform's own export,
 * or an uploaded file) and replays it exactly as {@code simulate --format oriole-csv} does — the same reading and
 * checks, staffing, patience estimate, replay and figures, and the same JSON report — but from bytes instead of a
 * path, and hands the figures back as values instead of printing them. Plain Java, no Spring, like the command.
 *
 * <p>For example, {@code WhatIf.run("history.csv", csv, new Options("all", null, Map.of("P1", 30L), 1))} replays
 * the history under {@code fifo}, {@code priority} and {@code sla-aware} with the staffing the history shows,
 * a 30-second target for P1 and the default targets for P2 to P4.
 */
public final class WhatIf {

    /** Policy names accepted by {@link Options#policy()}: one of the routing policies, or {@code all}. */
    public static final String ALL = "all";

    private WhatIf() {
    }

    /**
     * @param policy  {@code fifo}, {@code priority}, {@code sla-aware} or {@code all}
     * @param agents  null for the staffing the history itself shows (who served in each half hour, with the queues
     *                they served); otherwise this many agents with every skill, always on duty
     * @param targets answer-time targets in seconds by priority label ({@code P1}..{@code P4}); labels left out
     *                keep their defaults (60, 120, 300 and 600 s)
     * @param seed    the random draws of patience and replacement handling times; same seed, same report
     */
    public record Options(String policy, Integer agents, Map<String, Long> targets, long seed) {

        public Options {
            targets = targets == null ? Map.of() : Map.copyOf(targets);
        }
    }

    /**
     * Customer-experience figures over the conversations that asked for an agent.
     *
     * @param queued        conversations that asked for an agent (answered at once, after a wait, or gave up)
     * @param serviceLevel  share of {@code queued} answered within their priority's target
     * @param waitHistogram answered conversations by wait, in the buckets of {@link Report#waitBuckets()}
     */
    public record Figures(int queued, int served, int abandoned, double abandonRate, double meanWaitServedSeconds,
            double p90WaitServedSeconds, double serviceLevel, List<Integer> waitHistogram) {

        static Figures of(io.oriole.simulation.internal.Figures f) {
            return new Figures(f.queued(), f.served(), f.abandoned(), f.abandonRate(), f.meanWaitServedSeconds(),
                    f.p90WaitServedSeconds(), f.serviceLevel(), Arrays.stream(f.waitHistogram()).boxed().toList());
        }
    }

    /**
     * What one policy produced, or what the history itself shows ({@code name} {@code historical}).
     *
     * @param queueLengthByHour mean number of customers waiting in each hour of the day (UTC), over the days
     * @param occupancy         talk time over time on duty, or null when it cannot be told
     */
    public record Outcome(String name, Figures overall, Map<String, Figures> byPriority,
            List<Double> queueLengthByHour, Double occupancy) {
    }

    /**
     * @param conversations the conversations that asked for an agent
     * @param staffing      how the staffing was made, in words
     * @param priorities    the priority labels, most urgent first
     * @param json          the same JSON report as {@code simulate --json}, for charts
     */
    public record Report(int conversations, Instant firstArrival, Instant lastArrival, String staffing,
            Map<String, Long> targets, List<String> priorities, List<String> waitBuckets, Outcome historical,
            List<Outcome> policies, String json) {
    }

    /** The file or the options cannot be used; the message is one line, naming the file and line where it applies. */
    public static final class Rejected extends RuntimeException {

        Rejected(String message) {
            super(message);
        }
    }

    /**
     * Replays an {@code oriole-csv} history. {@code name} stands for the file in messages
     * ({@code "upload.csv line 3: priority must be P1..P4, was 'P9'"}).
     *
     * @throws Rejected when the file is malformed or empty, or the options do not fit it; nothing is replayed then
     */
    public static Report run(String name, byte[] csv, Options options) {
        List<RoutingPolicy> policies = policies(options.policy());
        if (options.agents() != null && (options.agents() < 1 || options.agents() > 10_000)) {
            throw new Rejected("the number of agents must be from 1 to 10000, was " + options.agents());
        }
        Trace trace;
        try {
            trace = OrioleCsvTrace.read(name, new StringReader(new String(csv, StandardCharsets.UTF_8)));
        } catch (TraceFormatException e) {
            throw new Rejected(e.getMessage().replace(" line 0: ", ": "));
        }
        Map<String, Long> targets = new LinkedHashMap<>();
        for (String label : trace.labels()) {
            Long target = options.targets().getOrDefault(label, trace.targets().get(label));
            if (target == null || target < 0) {
                throw new Rejected("the target for " + label + " must be whole seconds, zero or more");
            }
            targets.put(label, target);
        }
        for (String label : options.targets().keySet()) {
            if (!trace.labels().contains(label)) {
                throw new Rejected("targets are for priorities " + String.join(", ", trace.labels()) + ", not " + label);
            }
        }
        Staffing staffing;
        if (options.agents() == null) {
            if (!trace.hasServers()) {
                throw new Rejected(name + ": the history's own staffing needs the agent of every answered "
                        + "conversation (the agent column); choose a number of agents instead");
            }
            staffing = Staffing.fromTrace(trace);
        } else {
            staffing = Staffing.constant(options.agents(), trace);
        }
        SimulateCommand.Report report = SimulateCommand.replay(trace, staffing, targets, options.seed(), 0, policies);
        return report(report);
    }

    private static List<RoutingPolicy> policies(String policy) {
        if (ALL.equals(policy)) {
            return RoutingPolicies.all();
        }
        if (policy == null || !RoutingPolicies.names().contains(policy)) {
            throw new Rejected("the policy must be one of " + RoutingPolicies.names() + " or all, was " + policy);
        }
        return List.of(RoutingPolicies.named(policy));
    }

    private static Report report(SimulateCommand.Report report) {
        Trace trace = report.trace();
        List<CallOutcome> history = report.historical();
        Outcome historical = outcome("historical", history, report, report.historicalQueueByHour(),
                report.historicalOccupancy());
        List<Outcome> policies = new ArrayList<>();
        for (Simulator.Run run : report.runs()) {
            policies.add(outcome(run.policy(), run.outcomes(), report, run.queueByHour(), run.occupancy()));
        }
        return new Report(trace.calls().size(), Instant.ofEpochSecond(trace.firstArrival()),
                Instant.ofEpochSecond(trace.lastArrival()), report.staffing().description(),
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(report.targets())), trace.labels(),
                io.oriole.simulation.internal.Figures.WAIT_BUCKET_LABELS, historical, List.copyOf(policies),
                Json.write(report.toJson()));
    }

    private static Outcome outcome(String name, List<CallOutcome> outcomes, SimulateCommand.Report report,
            double[] queueByHour, double occupancy) {
        Map<String, Figures> byPriority = new LinkedHashMap<>();
        io.oriole.simulation.internal.Figures.byPriority(outcomes, report.trace().labels(), report.targets())
                .forEach((label, figures) -> byPriority.put(label, Figures.of(figures)));
        List<Double> queue = Arrays.stream(queueByHour).map(v -> Math.round(v * 100) / 100.0).boxed().toList();
        return new Outcome(name, Figures.of(io.oriole.simulation.internal.Figures.of(outcomes, report.targets())),
                java.util.Collections.unmodifiableMap(byPriority), queue,
                Double.isNaN(occupancy) ? null : occupancy);
    }
}
