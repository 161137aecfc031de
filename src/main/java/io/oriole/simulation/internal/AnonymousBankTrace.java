package io.oriole.simulation.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads the "Anonymous Bank" call-centre trace: tab-separated, one row per call, header
 * {@code vru+line call_id customer_id priority type date vru_entry vru_exit vru_time q_start q_exit
 * q_time outcome ser_start ser_exit ser_time server}; times are {@code H:MM:SS} on the row's
 * {@code yymmdd} date, read as UTC.
 *
 * <p>Kept: the calls that asked for an agent, that is, answered ({@code AGENT}), at once (no queue
 * time) or after waiting {@code q_time} seconds, or abandoned ({@code HANG}) after entering the queue.
 * Dropped: {@code PHANTOM} calls and calls that ended in the voice menu. Every row is still checked,
 * so a malformed or truncated file fails with its line number instead of replaying part of it.
 * Server {@code NO_SERVER} on an answered call means no named agent; such calls count as served but
 * add nobody to the staffing.
 */
public final class AnonymousBankTrace {

    static final String HEADER = "vru+line\tcall_id\tcustomer_id\tpriority\ttype\tdate\tvru_entry\tvru_exit\tvru_time"
            + "\tq_start\tq_exit\tq_time\toutcome\tser_start\tser_exit\tser_time\tserver";
    private static final int FIELDS = 17;
    private static final String NO_TIME = "0:00:00";

    private AnonymousBankTrace() {
    }

    public static Trace read(Path file) {
        String name = file.toString();
        List<TraceCall> calls = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw new TraceFormatException(name, 1, "empty file, expected the header " + HEADER.replace('\t', ' '));
            }
            if (!header.strip().equals(HEADER)) {
                throw new TraceFormatException(name, 1, "expected the tab-separated header "
                        + HEADER.replace('\t', ' '));
            }
            int lineNumber = 1;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                TraceCall call = parse(name, lineNumber, line);
                if (call != null) {
                    calls.add(call);
                }
            }
            if (calls.isEmpty()) {
                throw new TraceFormatException(name, lineNumber, "no call that asked for an agent");
            }
        } catch (IOException e) {
            throw new TraceFormatException(name, 0, "cannot read: " + e.getMessage());
        }
        calls.sort(Comparator.comparingLong(TraceCall::arrival).thenComparingInt(TraceCall::line));
        return new Trace(name, "anonymous-bank", List.copyOf(calls), List.of("2", "1", "0"),
                Map.of("2", 1, "1", 2, "0", 3), Map.of("2", 60L, "1", 120L, "0", 300L), true);
    }

    private static TraceCall parse(String file, int line, String text) {
        String[] f = text.split("\t", -1);
        if (f.length != FIELDS) {
            throw new TraceFormatException(file, line, "expected " + FIELDS + " tab-separated fields, found " + f.length
                    + (f.length < FIELDS ? " (truncated?)" : ""));
        }
        String id = f[1].strip();
        String priority = f[3].strip();
        if (!priority.equals("0") && !priority.equals("1") && !priority.equals("2")) {
            throw new TraceFormatException(file, line, "priority must be 0, 1 or 2, was '" + priority + "'");
        }
        String type = f[4].strip();
        if (type.isEmpty()) {
            throw new TraceFormatException(file, line, "type is empty");
        }
        long day = date(file, line, f[5].strip());
        int vruEntry = clock(file, line, "vru_entry", f[6]);
        int vruExit = clock(file, line, "vru_exit", f[7]);
        int queueStart = clock(file, line, "q_start", f[9]);
        clock(file, line, "q_exit", f[10]);
        long queueTime = seconds(file, line, "q_time", f[11]);
        String outcome = f[12].strip();
        clock(file, line, "ser_start", f[13]);
        clock(file, line, "ser_exit", f[14]);
        long serviceTime = seconds(file, line, "ser_time", f[15]);
        String server = f[16].strip();
        if (server.isEmpty()) {
            throw new TraceFormatException(file, line, "server is empty (NO_SERVER when none)");
        }
        boolean queued = !f[9].strip().equals(NO_TIME);
        return switch (outcome) {
            case "PHANTOM" -> null;
            case "HANG" -> queued ? new TraceCall(line, id, priority, type, at(day, vruEntry, queueStart), false,
                    queueTime, 0, null) : null;
            case "AGENT" -> new TraceCall(line, id, priority, type, at(day, vruEntry, queued ? queueStart : vruExit), true,
                    queued ? queueTime : 0, serviceTime, server.equals("NO_SERVER") ? null : server);
            default -> throw new TraceFormatException(file, line, "outcome must be AGENT, HANG or PHANTOM, was '"
                    + outcome + "'");
        };
    }

    /** Seconds since the epoch; a time of day before the call's start is taken to be after midnight. */
    private static long at(long day, int vruEntry, int timeOfDay) {
        return day + timeOfDay + (timeOfDay < vruEntry ? 86_400 : 0);
    }

    private static long date(String file, int line, String yymmdd) {
        if (!yymmdd.matches("\\d{6}")) {
            throw new TraceFormatException(file, line, "date must be yymmdd, was '" + yymmdd + "'");
        }
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        try {
            LocalDate date = LocalDate.of(yy >= 70 ? 1900 + yy : 2000 + yy, Integer.parseInt(yymmdd.substring(2, 4)),
                    Integer.parseInt(yymmdd.substring(4, 6)));
            return date.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        } catch (java.time.DateTimeException e) {
            throw new TraceFormatException(file, line, "date must be yymmdd, was '" + yymmdd + "'");
        }
    }

    private static int clock(String file, int line, String column, String value) {
        String[] parts = value.strip().split(":");
        try {
            if (parts.length == 3) {
                int h = Integer.parseInt(parts[0]);
                int m = Integer.parseInt(parts[1]);
                int s = Integer.parseInt(parts[2]);
                if (h >= 0 && h < 24 && m >= 0 && m < 60 && s >= 0 && s < 60) {
                    return h * 3600 + m * 60 + s;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TraceFormatException(file, line, column + " must be H:MM:SS, was '" + value.strip() + "'");
    }

    private static long seconds(String file, int line, String column, String value) {
        try {
            long seconds = Long.parseLong(value.strip());
            if (seconds >= 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TraceFormatException(file, line, column + " must be whole seconds, was '" + value.strip() + "'");
    }
}
