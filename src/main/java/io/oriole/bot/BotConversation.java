package io.oriole.bot;

/**
 * The bot's state in one conversation: ACTIVE (the bot answers) or HANDED_OFF (people answer; the bot is quiet until
 * an agent sends it back), with the reason and summary of the handoff.
 */
public record BotConversation(long conversationId, String state, int unhelpfulStreak, HandoffReason handoffReason,
        String handoffSummary) {

    public boolean handedOff() {
        return "HANDED_OFF".equals(state);
    }
}
