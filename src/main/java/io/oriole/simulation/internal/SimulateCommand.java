package io.oriole.simulation.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.oriole.routing.model.RoutingPolicies;
import io.oriole.routing.model.RoutingPolicy;

/**
 * {@code simulate --trace FILE [--format anonymous-bank|oriole-csv] --policy fifo|priority|sla-aware|all
 * [--staffing trace|N|SHIFTS.csv] [--targets 2=60,1=120,0=300] [--seed N] [--json REPORT.json] [--html REPORT.html]}:
 * replays the trace under each policy and prints, per policy, the figures per priority next to the
 * trace's own, ending with the line
 * {@code policy=<name> abandon=<rate> mean_wait_s=<s> service_level=<share> high_priority_service_level=<share>}.
 *
 * <p>Exit codes: 0 done, 1 a file is missing, unreadable or malformed (the message names the line),
 * 2 wrong usage. Every error is one line on stderr starting with {@code error:}. Reports are written
 * only after every policy has run, so a failure leaves no partial report.
 */
public final class SimulateCommand {

    static final String USAGE = "usage: simulate --trace FILE [--format anonymous-bank|oriole-csv] "
            + "--policy fifo|priority|sla-aware|all [--staffing trace|N|SHIFTS.csv] [--targets 2=60,1=120,0=300] "
            + "[--seed N] [--json REPORT.json] [--html REPORT.html] [--wrap-up SECONDS]";

    /**
     * After-call work per call in the bank's trace, whose service times are talk time only; calibrated
     * so that the replay under {@code priority} matches the trace's overall abandonment and mean wait
     * (docs/simulator.md). Oriole's own export counts handling time including wrap-up: 0.
     */
    static final long BANK_WRAP_UP_SECONDS = 90;

    record Options(Path trace, String format, List<RoutingPolicy> policies, String staffing, String targets, long seed,
            Path json, Path html, long wrapUp) {

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String key = args[i];
                if (!List.of("--trace", "--format", "--policy", "--staffing", "--targets", "--seed", "--json", "--html", "--wrap-up")
                        .contains(key)) {
                    throw new IllegalArgumentException("unknown option " + key);
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(key + " needs a value");
                }
                values.put(key, args[++i]);
            }
            if (!values.containsKey("--trace")) {
                throw new IllegalArgumentException("--trace is required");
            }
            if (!values.containsKey("--policy")) {
                throw new IllegalArgumentException("--policy is required");
            }
            String format = values.getOrDefault("--format", "anonymous-bank");
            if (!format.equals("anonymous-bank") && !format.equals("oriole-csv")) {
                throw new IllegalArgumentException("--format must be anonymous-bank or oriole-csv, was " + format);
            }
            String policy = values.get("--policy");
            List<RoutingPolicy> policies = policy.equals("all") ? RoutingPolicies.all()
                    : List.of(RoutingPolicies.named(policy));
            long seed;
            try {
                seed = Long.parseLong(values.getOrDefault("--seed", "1"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--seed must be a whole number, was " + values.get("--seed"));
            }
            long wrapUp;
            try {
                wrapUp = Long.parseLong(values.getOrDefault("--wrap-up",
                        String.valueOf(format.equals("anonymous-bank") ? BANK_WRAP_UP_SECONDS : 0)));
            } catch (NumberFormatException e) {
                wrapUp = -1;
            }
            if (wrapUp < 0) {
                throw new IllegalArgumentException("--wrap-up must be whole seconds, was " + values.get("--wrap-up"));
            }
            return new Options(Path.of(values.get("--trace")), format, policies, values.getOrDefault("--staffing", "trace"),
                    values.get("--targets"), seed, path(values.get("--json")), path(values.get("--html")), wrapUp);
        }

        private static Path path(String value) {
            return value == null ? null : Path.of(value);
        }
    }

    public int execute(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Trace trace;
        Staffing staffing;
        Map<String, Long> targets;
        try {
            if (!Files.isRegularFile(options.trace())) {
                throw new TraceFormatException(options.trace().toString(), 0, "no such file");
            }
            trace = options.format().equals("oriole-csv") ? OrioleCsvTrace.read(options.trace())
                    : AnonymousBankTrace.read(options.trace());
            targets = targets(options.targets(), trace);
            staffing = staffing(options.staffing(), trace);
        } catch (TraceFormatException e) {
            err.println("error: " + e.getMessage().replace(" line 0: ", ": "));
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }

        Report report = replay(trace, staffing, targets, options.seed(), options.wrapUp(), options.policies());
        try {
            if (options.json() != null) {
                write(options.json(), Json.write(report.toJson()));
            }
            if (options.html() != null) {
                write(options.html(), HtmlReport.render(report));
            }
        } catch (UncheckedIOException e) {
            err.println("error: cannot write report: " + e.getCause().getMessage());
            return 1;
        }
        report.print(out);
        return 0;
    }

    /**
     * Replays the trace under each policy, the same customers for every policy: what this command prints and
     * the console's what-if ({@link io.oriole.simulation.WhatIf}) shows.
     */
    public static Report replay(Trace trace, Staffing staffing, Map<String, Long> targets, long seed, long wrapUp,
            List<RoutingPolicy> policies) {
        Customers customers = Customers.draw(trace, seed);
        Simulator simulator = new Simulator(trace, staffing, customers, targets, wrapUp);
        List<Simulator.Run> runs = new ArrayList<>();
        for (RoutingPolicy policy : policies) {
            runs.add(simulator.run(policy));
        }
        return new Report(trace, staffing, targets, seed, wrapUp, customers, runs);
    }

    /** Writes to a temporary file beside the target and moves it in place: never a half-written report. */
    private static void write(Path file, String content) {
        try {
            Path absolute = file.toAbsolutePath();
            Path temp = Files.createTempFile(absolute.getParent(), ".simulate-", ".tmp");
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
                // Temporary files start private; a report is meant to be shared like any other file.
                Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(temp, absolute, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Long> targets(String spec, Trace trace) {
        Map<String, Long> targets = new LinkedHashMap<>();
        for (String label : trace.labels()) {
            targets.put(label, trace.targets().get(label));
        }
        if (spec == null) {
            return targets;
        }
        for (String part : spec.split(",")) {
            String[] kv = part.split("=");
            String label = kv.length == 2 ? kv[0].strip().toUpperCase(Locale.ROOT) : "";
            if (kv.length != 2 || !trace.labels().contains(label)) {
                throw new IllegalArgumentException("--targets must be PRIORITY=SECONDS pairs with priorities "
                        + String.join(", ", trace.labels()) + ", was " + spec);
            }
            try {
                long seconds = Long.parseLong(kv[1].strip());
                if (seconds < 0) {
                    throw new NumberFormatException();
                }
                targets.put(label, seconds);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--targets seconds must be a whole number, was " + kv[1]);
            }
        }
        return targets;
    }

    static Staffing staffing(String spec, Trace trace) {
        if (spec.equals("trace")) {
            return Staffing.fromTrace(trace);
        }
        if (spec.matches("trace:\\d+")) {
            return Staffing.fromTrace(trace, Long.parseLong(spec.substring("trace:".length())));
        }
        if (spec.matches("\\d+")) {
            return Staffing.constant(Integer.parseInt(spec), trace);
        }
        Path file = Path.of(spec);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--staffing must be trace, a number of agents or a shift file, was " + spec);
        }
        return Staffing.fromShiftFile(file, trace);
    }

    /** The figures of one replay, printed, as JSON and as HTML. */
    public record Report(Trace trace, Staffing staffing, Map<String, Long> targets, long seed, long wrapUp, Customers customers,
            List<Simulator.Run> runs) {

        public List<CallOutcome> historical() {
            return trace.calls().stream().map(CallOutcome::historical).toList();
        }

        public double historicalOccupancy() {
            if (!trace.hasServers()) {
                return Double.NaN;
            }
            Staffing own = Staffing.fromTrace(trace);
            double busy = trace.calls().stream().filter(c -> c.served() && c.server() != null)
                    .mapToLong(TraceCall::service).sum();
            long end = trace.calls().stream().mapToLong(c -> c.answeredAt() + c.service()).max().orElse(0);
            double duty = Simulator.dutySeconds(own, trace.firstArrival(), end);
            return duty == 0 ? Double.NaN : busy / duty;
        }

        public double[] historicalQueueByHour() {
            QueueLength queue = new QueueLength();
            List<long[]> changes = new ArrayList<>();
            for (TraceCall call : trace.calls()) {
                changes.add(new long[] {call.arrival(), 1});
                changes.add(new long[] {call.arrival() + call.waited(), -1});
            }
            changes.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
            for (long[] change : changes) {
                queue.change(change[0], (int) change[1]);
            }
            return queue.meanByHour(Simulator.days(trace));
        }

        String highestPriority() {
            return trace.labels().get(0);
        }

        void print(PrintStream out) {
            LocalDate first = LocalDate.ofInstant(Instant.ofEpochSecond(trace.firstArrival()), ZoneOffset.UTC);
            LocalDate last = LocalDate.ofInstant(Instant.ofEpochSecond(trace.lastArrival()), ZoneOffset.UTC);
            out.printf(Locale.ROOT, "trace: %s (%s), %d calls that asked for an agent, %s to %s%n", trace.file(),
                    trace.format(), trace.calls().size(), first, last);
            out.printf(Locale.ROOT, "staffing: %s; wrap-up %d s; seed %d; targets %s%n", staffing.description(), wrapUp, seed,
                    targets.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue() + "s")
                            .collect(Collectors.joining(" ")));
            out.print("patience (Kaplan-Meier, answered calls censored at their wait):");
            customers.patienceByPriority().forEach((label, km) -> out.printf(Locale.ROOT, " %s median %s (%d gave up, %d censored);",
                    label, Double.isInfinite(km.median()) ? "beyond the longest wait" : (long) km.median() + " s",
                    km.events(), km.censored()));
            out.println();
            Map<String, Figures> history = Figures.byPriority(historical(), trace.labels(), targets);
            Figures historyOverall = Figures.of(historical(), targets);
            for (Simulator.Run run : runs) {
                out.println();
                out.printf(Locale.ROOT, "policy %s (simulated, historical in brackets; replay took %.1f s)%n", run.policy(),
                        run.elapsedMillis() / 1000.0);
                out.printf(Locale.ROOT, "%-9s %7s %7s %17s %19s %19s %19s%n", "priority", "queued", "served",
                        "abandon", "mean wait s", "p90 wait s", "service level");
                Map<String, Figures> simulated = Figures.byPriority(run.outcomes(), trace.labels(), targets);
                for (String label : trace.labels()) {
                    row(out, label, simulated.get(label), history.get(label));
                }
                Figures overall = Figures.of(run.outcomes(), targets);
                row(out, "overall", overall, historyOverall);
                out.printf(Locale.ROOT, "occupancy %.3f (%.3f)%n", run.occupancy(), historicalOccupancy());
                out.printf(Locale.ROOT, "policy=%s abandon=%.4f mean_wait_s=%.1f service_level=%.4f high_priority_service_level=%.4f%n",
                        run.policy(), overall.abandonRate(), overall.meanWaitServedSeconds(), overall.serviceLevel(),
                        simulated.get(highestPriority()).serviceLevel());
            }
        }

        private static void row(PrintStream out, String label, Figures sim, Figures hist) {
            out.printf(Locale.ROOT, "%-9s %7d %7d %7.4f (%7.4f) %7.1f (%9.1f) %7.0f (%9.0f) %7.4f (%9.4f)%n", label,
                    sim.queued(), sim.served(), sim.abandonRate(), hist.abandonRate(), sim.meanWaitServedSeconds(),
                    hist.meanWaitServedSeconds(), sim.p90WaitServedSeconds(), hist.p90WaitServedSeconds(),
                    sim.serviceLevel(), hist.serviceLevel());
        }

        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("trace", trace.file());
            json.put("format", trace.format());
            json.put("calls", trace.calls().size());
            json.put("staffing", staffing.description());
            json.put("seed", seed);
            json.put("wrapUpSeconds", wrapUp);
            json.put("targets", new LinkedHashMap<>(targets));
            json.put("waitBuckets", Figures.WAIT_BUCKET_LABELS);
            Map<String, Object> patience = new LinkedHashMap<>();
            customers.patienceByPriority().forEach((label, km) -> {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("medianSeconds", Double.isInfinite(km.median()) ? null : km.median());
                p.put("gaveUp", km.events());
                p.put("censored", km.censored());
                patience.put(label, p);
            });
            json.put("patience", patience);
            Map<String, Object> historical = section(historical());
            historical.put("overall", withOccupancy(Figures.of(historical(), targets), historicalOccupancy()));
            historical.put("queueLengthByHour", rounded(historicalQueueByHour()));
            json.put("historical", historical);
            List<Object> policies = new ArrayList<>();
            for (Simulator.Run run : runs) {
                Map<String, Object> policy = new LinkedHashMap<>();
                policy.put("policy", run.policy());
                policy.putAll(section(run.outcomes()));
                policy.put("overall", withOccupancy(Figures.of(run.outcomes(), targets), run.occupancy()));
                policy.put("queueLengthByHour", rounded(run.queueByHour()));
                policy.put("elapsedSeconds", run.elapsedMillis() / 1000.0);
                policies.add(policy);
            }
            json.put("policies", policies);
            return json;
        }

        private Map<String, Object> section(List<CallOutcome> outcomes) {
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("overall", null);
            Map<String, Object> byPriority = new LinkedHashMap<>();
            Figures.byPriority(outcomes, trace.labels(), targets)
                    .forEach((label, figures) -> byPriority.put(label, figures.toJson(targets.get(label))));
            section.put("byPriority", byPriority);
            return section;
        }

        private static Map<String, Object> withOccupancy(Figures figures, double occupancy) {
            Map<String, Object> json = figures.toJson(null);
            json.put("occupancy", Double.isNaN(occupancy) ? null : occupancy);
            return json;
        }

        private static List<Double> rounded(double[] values) {
            List<Double> list = new ArrayList<>();
            for (double v : values) {
                list.add(Math.round(v * 100) / 100.0);
            }
            return list;
        }
    }
}
