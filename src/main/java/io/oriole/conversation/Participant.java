package io.oriole.conversation;

import java.time.Instant;

/** A staff member taking part in a conversation: its owner or an invited collaborator. */
public record Participant(long id, long conversationId, long agentId, Role role, Instant joinedAt, Instant leftAt) {

    public enum Role {
        OWNER, COLLABORATOR
    }
}
