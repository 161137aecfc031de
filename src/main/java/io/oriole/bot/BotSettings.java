package io.oriole.bot;

/**
 * A tenant's bot settings. {@code minConfidence} (0..1): below it the bot does not answer; {@code maxUnhelpful}
 * (1..10): unanswered or "did not help" turns in a row before it hands off; the three flags hand off at once when
 * the customer is VIP, when triage finds an urgent problem, or a negative mood.
 */
public record BotSettings(boolean enabled, double minConfidence, int maxUnhelpful, boolean handoffOnVip,
        boolean handoffOnUrgent, boolean handoffOnNegative) {

    /** A tenant that never chose: the bot is off. */
    public static final BotSettings DEFAULT = new BotSettings(false, 0.6, 2, true, true, true);

    public BotSettings withEnabled(boolean on) {
        return new BotSettings(on, minConfidence, maxUnhelpful, handoffOnVip, handoffOnUrgent, handoffOnNegative);
    }

    /** @throws IllegalArgumentException naming the field out of range */
    public void validate() {
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new InvalidBotSettingException("minConfidence", "must be between 0 and 1");
        }
        if (maxUnhelpful < 1 || maxUnhelpful > 10) {
            throw new InvalidBotSettingException("maxUnhelpful", "must be between 1 and 10");
        }
    }

    /** A setting out of range; {@link #field()} names it. */
    public static class InvalidBotSettingException extends IllegalArgumentException {

        private final String field;

        public InvalidBotSettingException(String field, String reason) {
            super(field + " " + reason);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
