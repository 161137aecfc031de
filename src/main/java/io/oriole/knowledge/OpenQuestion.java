package io.oriole.knowledge;

import java.time.Instant;

/**
 * A customer question the knowledge base did not answer well. {@code reason}: NO_MATCH (nothing confident),
 * UNHELPFUL (the customer said the answer did not help), WRONG (an agent marked the bot's answer wrong).
 */
public record OpenQuestion(long id, String question, String language, String reason, Long conversationId,
        Long answeredEntryId, Instant createdAt) {

    public enum Reason {
        NO_MATCH, UNHELPFUL, WRONG
    }
}
