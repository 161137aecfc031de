package io.oriole.simulation.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who is on duty when, with which skills.
 *
 * @param description how it was made, for the report
 * @param agents      the agents with their shifts
 */
public record Staffing(String description, List<Agent> agents) {

    /** A shift from {@code from} (inclusive) to {@code to} (exclusive), seconds since the epoch. */
    public record Shift(long from, long to) {
    }

    /** An agent; an empty skill set means every skill in the trace. */
    public record Agent(String name, Set<String> skills, List<Shift> shifts) {
    }

    /** Slots of the trace's own staffing: an agent who served during a slot is on duty for all of it. */
    public static final long TRACE_SLOT_SECONDS = 1_800;

    /**
     * The staffing the trace itself shows: each named server is on duty in every half-hour slot in
     * which they were serving a call, with the skills (service types) they served over the trace.
     */
    public static Staffing fromTrace(Trace trace) {
        return fromTrace(trace, TRACE_SLOT_SECONDS);
    }

    /** As {@link #fromTrace(Trace)} with slots of {@code slotSeconds}. */
    public static Staffing fromTrace(Trace trace, long slotSeconds) {
        if (slotSeconds < 1) {
            throw new IllegalArgumentException("the staffing slot must be at least one second, was " + slotSeconds);
        }
        if (!trace.hasServers()) {
            throw new IllegalArgumentException("--staffing trace needs a trace that names who served each call "
                    + "(the agent column); give a number of agents or a shift file");
        }
        Map<String, TreeSet<Long>> slots = new TreeMap<>();
        Map<String, Set<String>> skills = new TreeMap<>();
        for (TraceCall call : trace.calls()) {
            if (!call.served() || call.server() == null) {
                continue;
            }
            TreeSet<Long> agentSlots = slots.computeIfAbsent(call.server(), k -> new TreeSet<>());
            long start = call.answeredAt();
            long end = start + Math.max(1, call.service());
            for (long slot = Math.floorDiv(start, slotSeconds); slot * slotSeconds < end; slot++) {
                agentSlots.add(slot);
            }
            skills.computeIfAbsent(call.server(), k -> new TreeSet<>()).add(call.skill());
        }
        List<Agent> agents = new ArrayList<>();
        slots.forEach((name, agentSlots) -> {
            List<Shift> shifts = new ArrayList<>();
            long from = -1;
            long previous = -2;
            for (long slot : agentSlots) {
                if (slot != previous + 1) {
                    if (from >= 0) {
                        shifts.add(new Shift(from * slotSeconds, (previous + 1) * slotSeconds));
                    }
                    from = slot;
                }
                previous = slot;
            }
            shifts.add(new Shift(from * slotSeconds, (previous + 1) * slotSeconds));
            agents.add(new Agent(name, Set.copyOf(skills.get(name)), List.copyOf(shifts)));
        });
        return new Staffing("trace (" + agents.size() + " agents, on duty in the " + slotSeconds + "-second slots they served in)",
                List.copyOf(agents));
    }

    /** {@code n} agents with every skill, on duty throughout. */
    public static Staffing constant(int n, Trace trace) {
        if (n < 1) {
            throw new IllegalArgumentException("--staffing must be trace, a positive number of agents or a shift file, was " + n);
        }
        List<Agent> agents = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            agents.add(new Agent("agent-" + i, Set.of(), List.of(new Shift(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2))));
        }
        return new Staffing(n + " agents with every skill, always on duty", List.copyOf(agents));
    }

    /**
     * A shift file: header {@code from,to,agents,skills}, then rows like {@code 08:00,17:00,5,} or
     * {@code 10:00,12:00,+2,PS;NW}. Each row adds that many agents, every day of the trace, from
     * {@code from} to {@code to} (UTC; {@code to} may be {@code 24:00}), with the listed skills
     * ({@code ;}-separated; blank for all). A {@code +} before the number means "on top of the
     * trace's own staffing", which is then included: "two more agents from 10 to 12".
     */
    public static Staffing fromShiftFile(Path file, Trace trace) {
        String name = file.toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TraceFormatException(name, 0, "cannot read: " + e.getMessage());
        }
        if (lines.isEmpty() || !lines.get(0).strip().replace(" ", "").equals("from,to,agents,skills")) {
            throw new TraceFormatException(name, 1, "expected the header from,to,agents,skills");
        }
        LocalDate first = LocalDate.ofInstant(Instant.ofEpochSecond(trace.firstArrival()), ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(Instant.ofEpochSecond(trace.lastArrival()), ZoneOffset.UTC);
        List<Agent> agents = new ArrayList<>();
        boolean onTopOfTrace = false;
        int rows = 0;
        for (int i = 1; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 4) {
                throw new TraceFormatException(name, lineNumber, "expected 4 comma-separated fields, found " + f.length);
            }
            int from = timeOfDay(name, lineNumber, "from", f[0]);
            int to = timeOfDay(name, lineNumber, "to", f[1]);
            if (to <= from) {
                throw new TraceFormatException(name, lineNumber, "to must be after from");
            }
            String count = f[2].strip();
            boolean extra = count.startsWith("+");
            int n;
            try {
                n = Integer.parseInt(extra ? count.substring(1) : count);
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1) {
                throw new TraceFormatException(name, lineNumber, "agents must be a positive number or +N, was '" + count + "'");
            }
            onTopOfTrace |= extra;
            Set<String> skills = new LinkedHashSet<>();
            Arrays.stream(f[3].split(";")).map(String::strip).filter(s -> !s.isEmpty()).forEach(skills::add);
            List<Shift> shifts = new ArrayList<>();
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                long midnight = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
                shifts.add(new Shift(midnight + from, midnight + to));
            }
            for (int k = 1; k <= n; k++) {
                agents.add(new Agent("shift-" + lineNumber + "-" + k, Set.copyOf(skills), List.copyOf(shifts)));
            }
            rows++;
        }
        if (rows == 0) {
            throw new TraceFormatException(name, lines.size(), "no shifts");
        }
        String description = "shift file " + name + " (" + agents.size() + " agents";
        if (onTopOfTrace) {
            Staffing base = fromTrace(trace);
            List<Agent> all = new ArrayList<>(base.agents());
            all.addAll(agents);
            return new Staffing(description + " on top of the trace's own staffing of " + base.agents().size() + ")",
                    List.copyOf(all));
        }
        return new Staffing(description + ")", List.copyOf(agents));
    }

    private static int timeOfDay(String file, int line, String column, String value) {
        String v = value.strip();
        if (v.matches("\\d{1,2}:\\d{2}")) {
            int h = Integer.parseInt(v.substring(0, v.indexOf(':')));
            int m = Integer.parseInt(v.substring(v.indexOf(':') + 1));
            if ((h < 24 && m < 60) || (h == 24 && m == 0)) {
                return h * 3600 + m * 60;
            }
        }
        throw new TraceFormatException(file, line, column + " must be HH:MM, was '" + v + "'");
    }
}
