package io.oriole.sla;

import java.time.Instant;

/**
 * A supervisors' status report for one period: open urgent conversations, those at risk and overdue now, breaches
 * since the previous report, and one line per owner. Stored so that an e-mail sender can pick up the rows whose
 * {@code emailedAt} is null.
 */
public record SlaDigest(long id, Instant periodStart, Instant periodEnd, int openUrgent, int atRisk, int overdue,
        int breaches, String body, Instant createdAt, Instant emailedAt) {
}
