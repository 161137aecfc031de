package io.oriole.routing;

import java.time.Instant;

/** A conversation offered to one agent, who accepts or declines before {@code expiresAt}. */
public record Offer(long id, long tenantId, long conversationId, long agentId, Status status, Instant offeredAt,
        Instant expiresAt, Instant decidedAt, String reason) {

    public enum Status {
        OFFERED, ACCEPTED, DECLINED, EXPIRED, WITHDRAWN
    }
}
