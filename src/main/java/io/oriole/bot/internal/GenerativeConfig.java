package io.oriole.bot.internal;

import java.time.Duration;

import io.oriole.bot.GenerativeSettings;

/**
 * A tenant's generative settings as stored, API key included. Stays inside the bot module: everything that leaves
 * it goes through {@link #view()}, which only says whether a key is set.
 */
public record GenerativeConfig(boolean enabled, String baseUrl, String model, String apiKey, int timeoutSeconds,
        int maxCitations) {

    static final GenerativeConfig DEFAULT = new GenerativeConfig(false, "", "", null,
            GenerativeSettings.DEFAULT_TIMEOUT_SECONDS, GenerativeSettings.DEFAULT_MAX_CITATIONS);

    public GenerativeSettings view() {
        return new GenerativeSettings(enabled, baseUrl, model, apiKey != null && !apiKey.isEmpty(), timeoutSeconds,
                maxCitations);
    }

    Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    @Override
    public String toString() {
        // Records print every component; the key must never reach a log line.
        return "GenerativeConfig[enabled=" + enabled + ", baseUrl=" + baseUrl + ", model=" + model + ", apiKey="
                + (apiKey == null ? "not set" : "set") + ", timeoutSeconds=" + timeoutSeconds + ", maxCitations="
                + maxCitations + "]";
    }
}
