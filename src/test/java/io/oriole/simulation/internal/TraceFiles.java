package io.oriole.simulation.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small trace files written for tests. */
final class TraceFiles {

    static final String BANK_HEADER = AnonymousBankTrace.HEADER;

    private TraceFiles() {
    }

    static Path write(Path dir, String name, List<String> lines) {
        try {
            Path file = dir.resolve(name);
            Files.write(file, lines, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One bank row with tabs between the fields given space-separated. */
    static String bank(String spaced) {
        return spaced.replace(' ', '\t');
    }

    /**
     * The hand-computed trace: ten conversations, one queue, times in seconds from 09:00:00.
     * <pre>
     *   call  arrival  handling  priority
     *    0       0       100       P3
     *    1       0        50       P3
     *    2      10        30       P3
     *    3      20        40       P3
     *    4      30        20       P1
     *    5      35        10       P2
     *    6      45        30       P3
     *    7      60        10       P1
     *    8     200         5       P2
     *    9     200         5       P3
     * </pre>
     */
    static List<String> tenConversations() {
        int[][] rows = {{0, 100, 3}, {0, 50, 3}, {10, 30, 3}, {20, 40, 3}, {30, 20, 1}, {35, 10, 2}, {45, 30, 3},
                {60, 10, 1}, {200, 5, 2}, {200, 5, 3}};
        List<String> lines = new java.util.ArrayList<>();
        lines.add("arrived_at,priority,queue,handling_seconds,abandoned_after_seconds,waited_seconds");
        for (int[] row : rows) {
            lines.add(java.time.Instant.parse("2026-03-02T09:00:00Z").plusSeconds(row[0]) + ",P" + row[2]
                    + ",after-sales," + row[1] + ",,0");
        }
        return lines;
    }
}
