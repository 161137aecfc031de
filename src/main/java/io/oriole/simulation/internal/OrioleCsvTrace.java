package io.oriole.simulation.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Oriole's own history export: comma-separated with a header, one row per conversation that
 * waited for an agent. Columns, by name, in any order:
 * <pre>
 *   arrived_at               ISO-8601 instant it joined the queue          2026-03-02T09:15:00Z
 *   priority                 P1..P4                                        P2
 *   queue                    queue or skill                                after-sales
 *   handling_seconds         handling time when an agent took it, else blank
 *   abandoned_after_seconds  when the customer gave up, else blank
 *   waited_seconds           wait until an agent took it (blank when abandoned)
 *   agent                    optional: who handled it, for the trace's own staffing
 * </pre>
 * Exactly one of {@code handling_seconds} and {@code abandoned_after_seconds} is filled. Values
 * cannot contain commas.
 */
public final class OrioleCsvTrace {

    private static final List<String> REQUIRED = List.of("arrived_at", "priority", "queue", "handling_seconds",
            "abandoned_after_seconds", "waited_seconds");
    private static final List<String> LABELS = List.of("P1", "P2", "P3", "P4");

    private OrioleCsvTrace() {
    }

    public static Trace read(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), reader);
        } catch (IOException e) {
            throw new TraceFormatException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
    }

    /**
     * Reads a trace that is not a file (an upload, or the platform's own export, in the console's what-if);
     * {@code name} stands for the file in messages. The reader is not closed.
     */
    public static Trace read(String name, Reader source) {
        List<TraceCall> calls = new ArrayList<>();
        boolean hasAgent;
        try {
            BufferedReader reader = source instanceof BufferedReader buffered ? buffered : new BufferedReader(source);
            String header = reader.readLine();
            if (header == null) {
                throw new TraceFormatException(name, 1, "empty file, expected a header with " + String.join(",", REQUIRED));
            }
            if (header.startsWith("\uFEFF")) {
                // Spreadsheets save UTF-8 with a byte-order mark; it is not part of the first column's name.
                header = header.substring(1);
            }
            List<String> columns = Arrays.stream(header.strip().split(",", -1)).map(String::strip).toList();
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                index.put(columns.get(i), i);
            }
            for (String required : REQUIRED) {
                if (!index.containsKey(required)) {
                    throw new TraceFormatException(name, 1, "missing column " + required + "; expected "
                            + String.join(",", REQUIRED) + "[,agent]");
                }
            }
            hasAgent = index.containsKey("agent");
            int lineNumber = 1;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != columns.size()) {
                    throw new TraceFormatException(name, lineNumber, "expected " + columns.size()
                            + " comma-separated fields, found " + f.length + (f.length < columns.size() ? " (truncated?)" : ""));
                }
                calls.add(parse(name, lineNumber, f, index));
            }
            if (calls.isEmpty()) {
                throw new TraceFormatException(name, lineNumber, "no conversations");
            }
        } catch (IOException e) {
            throw new TraceFormatException(name, 0, "cannot read: " + e.getMessage());
        }
        calls.sort(Comparator.comparingLong(TraceCall::arrival).thenComparingInt(TraceCall::line));
        boolean servers = hasAgent && calls.stream().filter(TraceCall::served).allMatch(c -> c.server() != null);
        return new Trace(name, "oriole-csv", List.copyOf(calls), LABELS, Map.of("P1", 1, "P2", 2, "P3", 3, "P4", 4),
                Map.of("P1", 60L, "P2", 120L, "P3", 300L, "P4", 600L), servers);
    }

    private static TraceCall parse(String file, int line, String[] f, Map<String, Integer> index) {
        String arrivedAt = f[index.get("arrived_at")].strip();
        long arrival;
        try {
            arrival = Instant.parse(arrivedAt).getEpochSecond();
        } catch (DateTimeParseException e) {
            throw new TraceFormatException(file, line, "arrived_at must be an ISO-8601 instant, was '" + arrivedAt + "'");
        }
        String priority = f[index.get("priority")].strip().toUpperCase(java.util.Locale.ROOT);
        if (!LABELS.contains(priority)) {
            throw new TraceFormatException(file, line, "priority must be P1..P4, was '" + priority + "'");
        }
        String queue = f[index.get("queue")].strip();
        if (queue.isEmpty()) {
            throw new TraceFormatException(file, line, "queue is empty");
        }
        Long handling = optionalSeconds(file, line, "handling_seconds", f[index.get("handling_seconds")]);
        Long abandoned = optionalSeconds(file, line, "abandoned_after_seconds", f[index.get("abandoned_after_seconds")]);
        Long waited = optionalSeconds(file, line, "waited_seconds", f[index.get("waited_seconds")]);
        if ((handling == null) == (abandoned == null)) {
            throw new TraceFormatException(file, line, "exactly one of handling_seconds and abandoned_after_seconds must be filled");
        }
        String agent = index.containsKey("agent") ? f[index.get("agent")].strip() : "";
        if (handling != null) {
            if (waited == null) {
                throw new TraceFormatException(file, line, "waited_seconds is required when handling_seconds is filled");
            }
            return new TraceCall(line, "line-" + line, priority, queue, arrival, true, waited, handling,
                    agent.isEmpty() ? null : agent);
        }
        return new TraceCall(line, "line-" + line, priority, queue, arrival, false, abandoned, 0, null);
    }

    private static Long optionalSeconds(String file, int line, String column, String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(v);
            if (seconds >= 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TraceFormatException(file, line, column + " must be whole seconds, was '" + v + "'");
    }
}
