package io.oriole.triage;

import java.time.Instant;

/**
 * A person set a conversation's priority by hand, or handed it back to triage ({@code level} null). The latest
 * override of a conversation is in force until the next one; every override is kept with who and why.
 *
 * @param previousLevel the level in force just before, null if the conversation had not been triaged yet
 */
public record PriorityOverride(long conversationId, PriorityLevel level, PriorityLevel previousLevel, String reason,
        long byUserId, String byName, Instant at) {

    public boolean clearsOverride() {
        return level == null;
    }
}
