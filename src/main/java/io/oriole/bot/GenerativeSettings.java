package io.oriole.bot;

/**
 * What an admin sees of a tenant's generative-answer settings. The API key is write-only: this view only says
 * whether one is stored ({@code apiKeySet}), so neither the API nor the console can leak it. Off by default; the bot
 * then answers with the best entry's own text. {@code timeoutSeconds}: how long the bot waits for the endpoint
 * before it falls back to that plain answer; {@code maxCitations}: how many of the top retrieved entries are sent to
 * the model, which may cite any of them.
 */
public record GenerativeSettings(boolean enabled, String baseUrl, String model, boolean apiKeySet,
        int timeoutSeconds, int maxCitations) {

    public static final int DEFAULT_TIMEOUT_SECONDS = 10;

    public static final int DEFAULT_MAX_CITATIONS = 3;

    /** A tenant that never configured an endpoint. */
    public static final GenerativeSettings DEFAULT = new GenerativeSettings(false, "", "", false,
            DEFAULT_TIMEOUT_SECONDS, DEFAULT_MAX_CITATIONS);
}
