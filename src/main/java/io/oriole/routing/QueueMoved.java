package io.oriole.routing;

import java.time.Instant;
import java.util.List;

/** The waiting line of a tenant changed; customers of these conversations may see a new position or wait. */
public record QueueMoved(long tenantId, List<Long> waitingConversationIds, Instant occurredAt) {

    public QueueMoved {
        waitingConversationIds = List.copyOf(waitingConversationIds);
    }
}
