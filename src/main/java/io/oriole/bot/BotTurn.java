package io.oriole.bot;

import java.time.Instant;
import java.util.List;

/**
 * What the bot did with one customer message. {@code outcome}: ANSWERED (with {@code entryId}, {@code confidence}
 * and the bot's reply at {@code replySeq}), NO_MATCH, HANDOFF, SILENT. {@code helpful} is the customer's answer to
 * "Did this solve your problem?", {@code verdict} an agent's RIGHT / WRONG mark (null until given).
 * {@code generated}: the answer was phrased by the tenant's generative model from the entries in
 * {@code citedEntryIds} (citation order; {@code entryId} is the first of them); a plain answer cites nothing and is
 * {@code entryId}'s own text.
 */
public record BotTurn(long id, long conversationId, long messageId, String question, String outcome, Long entryId,
        Double confidence, Long replySeq, Boolean helpful, String verdict, Instant createdAt, boolean generated,
        List<Long> citedEntryIds) {

    public boolean answered() {
        return "ANSWERED".equals(outcome);
    }
}
