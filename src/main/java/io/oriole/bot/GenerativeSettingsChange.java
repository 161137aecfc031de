package io.oriole.bot;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An admin's change to the generative-answer settings. {@code apiKey}: null keeps the stored key (the console and
 * API never show it, so a form that leaves it empty must not erase it), an empty string removes it, anything else
 * replaces it. Validation names the field: a base URL that is not an absolute http(s) URL, a blank model or URL while
 * the feature is being turned on, a timeout outside 1..60 s, citations outside 1..5.
 */
public record GenerativeSettingsChange(boolean enabled, String baseUrl, String model, String apiKey,
        int timeoutSeconds, int maxCitations) {

    public static final int MAX_TIMEOUT_SECONDS = 60;

    public static final int MAX_CITATIONS = 5;

    /** The same change with surrounding blanks trimmed and nulls made empty, as it will be stored. */
    public GenerativeSettingsChange normalized() {
        return new GenerativeSettingsChange(enabled, trim(baseUrl), trim(model), apiKey == null ? null : apiKey.trim(),
                timeoutSeconds, maxCitations);
    }

    /** @throws BotSettings.InvalidBotSettingException naming the first wrong field */
    public void validate() {
        String url = trim(baseUrl);
        if (url.length() > 500) {
            throw new BotSettings.InvalidBotSettingException("baseUrl", "must be at most 500 characters");
        }
        if (!url.isEmpty() && !isHttpUrl(url)) {
            throw new BotSettings.InvalidBotSettingException("baseUrl",
                    "must be an absolute http or https URL such as https://api.example.com/v1");
        }
        if (enabled && url.isEmpty()) {
            throw new BotSettings.InvalidBotSettingException("baseUrl", "must be set to turn generative answers on");
        }
        String name = trim(model);
        if (name.length() > 200) {
            throw new BotSettings.InvalidBotSettingException("model", "must be at most 200 characters");
        }
        if (enabled && name.isEmpty()) {
            throw new BotSettings.InvalidBotSettingException("model", "must not be blank");
        }
        if (apiKey != null && apiKey.trim().length() > 500) {
            throw new BotSettings.InvalidBotSettingException("apiKey", "must be at most 500 characters");
        }
        if (timeoutSeconds < 1 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
            throw new BotSettings.InvalidBotSettingException("timeoutSeconds",
                    "must be between 1 and " + MAX_TIMEOUT_SECONDS);
        }
        if (maxCitations < 1 || maxCitations > MAX_CITATIONS) {
            throw new BotSettings.InvalidBotSettingException("maxCitations", "must be between 1 and " + MAX_CITATIONS);
        }
    }

    @Override
    public String toString() {
        // Records print every component; the key must never reach a log line.
        return "GenerativeSettingsChange[enabled=" + enabled + ", baseUrl=" + baseUrl + ", model=" + model
                + ", apiKey=" + (apiKey == null ? "keep" : apiKey.isEmpty() ? "remove" : "replace")
                + ", timeoutSeconds=" + timeoutSeconds + ", maxCitations=" + maxCitations + "]";
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null;
        }
        catch (URISyntaxException e) {
            return false;
        }
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
