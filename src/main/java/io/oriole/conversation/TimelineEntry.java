package io.oriole.conversation;

import java.time.Instant;

/** One change in a conversation's life: opened, assigned, status changed, resolved, reopened. */
public record TimelineEntry(long id, long conversationId, String kind, String detail, String actor,
        Instant occurredAt) {
}
