package io.oriole.conversation;

import java.time.Instant;

/**
 * One message. {@code seq} numbers the messages of a conversation 1, 2, 3… without gaps as seen by a reader, so a
 * client that reconnects asks for everything after the last seq it has and never loses or repeats one.
 * {@code internal} notes are visible to staff only.
 */
public record Message(long id, long tenantId, long conversationId, long seq, AuthorType authorType, Long authorId,
        String authorName, String body, boolean internal, String clientMessageId, Instant createdAt) {
}
