package io.oriole.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One conversation that waited in line for an agent, with its outcome: the tenant's own history, exported in the
 * routing simulator's {@code oriole-csv} format so that a supervisor can replay a past month under another policy or
 * staffing ({@code docs/simulator.md}).
 *
 * <p>The customer <em>gave up</em> when the conversation was resolved or closed before any agent took it
 * ({@code takenAt} null, or later than {@code finishedAt}). Oriole's chat has no hang-up button: a customer who walks
 * away leaves the conversation open until someone closes it, so the recorded wait of a customer who gave up is an
 * upper bound of their patience.
 *
 * @param conversationId the conversation, or null for imported history (a previous help desk's, the demo's past)
 * @param queuedAt       when it joined the line (after the bot, when the bot handed it over)
 * @param priority       1 (most urgent) to 4
 * @param queue          the queue it waited in
 * @param takenAt        the first time an agent took it (accepted the offer or was assigned it), or null
 * @param agentId        who took it then, or null
 * @param finishedAt     the first time it was resolved or closed
 */
public record RoutingHistoryEntry(Long conversationId, Instant queuedAt, int priority, String queue, Instant takenAt,
        Long agentId, Instant finishedAt) {

    /** The simulator's {@code oriole-csv} columns, in the order this export writes them. */
    public static final String CSV_HEADER = "arrived_at,priority,queue,handling_seconds,abandoned_after_seconds,"
            + "waited_seconds,agent";

    public boolean gaveUp() {
        return takenAt == null || takenAt.isAfter(finishedAt);
    }

    /** Until an agent took it; zero for a conversation that had an owner before it reached the line. */
    public Duration waited() {
        return gaveUp() ? Duration.between(queuedAt, finishedAt) : positive(Duration.between(queuedAt, takenAt));
    }

    /** From the first agent taking it to the first resolution, transfers included; zero when the customer gave up. */
    public Duration handling() {
        return gaveUp() ? Duration.ZERO : Duration.between(takenAt, finishedAt);
    }

    /**
     * One row: {@code arrived_at} (to the second), {@code priority} {@code P1}..{@code P4}, {@code queue}, then
     * either {@code handling_seconds}, {@code waited_seconds} and {@code agent} ({@code agent-<id>}), or only
     * {@code abandoned_after_seconds}.
     */
    public String csvLine() {
        // Whole seconds from the instants cut to the second, so that arrival + wait + handling in the file lands on the
        // second the conversation was finished.
        String arrived = queuedAt.truncatedTo(ChronoUnit.SECONDS).toString();
        if (gaveUp()) {
            return arrived + ",P" + priority + "," + queue + ",," + seconds(queuedAt, finishedAt) + ",,";
        }
        return arrived + ",P" + priority + "," + queue + "," + seconds(takenAt, finishedAt) + ",,"
                + seconds(queuedAt, takenAt) + "," + (agentId == null ? "" : "agent-" + agentId);
    }

    /** The whole file: header and one line per entry, each line ending in a newline. */
    public static String csv(List<RoutingHistoryEntry> entries) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        for (RoutingHistoryEntry entry : entries) {
            out.append(entry.csvLine()).append('\n');
        }
        return out.toString();
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, to.getEpochSecond() - from.getEpochSecond());
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
