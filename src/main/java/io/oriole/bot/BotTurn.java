package io.oriole.bot;

import java.time.Instant;

/**
 * What the bot did with one customer message. {@code outcome}: ANSWERED (with {@code entryId}, {@code confidence}
 * and the bot's reply at {@code replySeq}), NO_MATCH, HANDOFF. {@code helpful} is the customer's answer to "Did
 * this solve your problem?", {@code verdict} an agent's RIGHT / WRONG mark (null until given).
 */
public record BotTurn(long id, long conversationId, long messageId, String question, String outcome, Long entryId,
        Double confidence, Long replySeq, Boolean helpful, String verdict, Instant createdAt) {

    public boolean answered() {
        return "ANSWERED".equals(outcome);
    }
}
