package io.oriole.bot.internal;

import java.util.List;

import io.oriole.knowledge.KnowledgeMatch;

/**
 * The text the bot is about to send for a confident match, and what it rests on: {@code answered} is the entry the
 * turn records (the best match for a plain answer, the first cited entry for a generated one).
 */
public record BotAnswer(String text, KnowledgeMatch answered, boolean generated, List<Long> citedEntryIds) {

    /** The best entry's own text, exactly as the bot answers without a generative model. */
    static BotAnswer plain(KnowledgeMatch best) {
        return new BotAnswer(best.entry().body(), best, false, List.of());
    }
}
