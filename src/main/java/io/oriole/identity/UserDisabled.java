package io.oriole.identity;

import java.time.Instant;

/**
 * A staff member lost access: their open browser sessions end and, if they are an agent, they stop receiving work
 * at once rather than when their last heartbeat times out.
 */
public record UserDisabled(long tenantId, long userId, Instant occurredAt) {
}
