package io.oriole.conversation;

import java.time.Instant;

/**
 * A staff member taking part in a conversation: its owner or an invited collaborator. A collaborator invited for
 * internal notes only has {@code canReply} false and cannot write to the customer.
 */
public record Participant(long id, long conversationId, long agentId, Role role, Instant joinedAt, Instant leftAt,
        boolean canReply) {

    public boolean isActive() {
        return leftAt == null;
    }

    /** Still in the conversation as a specialist who may post internal notes but not write to the customer. */
    public boolean notesOnly() {
        return isActive() && role == Role.COLLABORATOR && !canReply;
    }

    public enum Role {
        OWNER, COLLABORATOR
    }
}
