package io.oriole.platform.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param operatorToken the platform operator's bearer secret; unset (the default) turns the platform API and
 *        console off, so an installation has no operator door unless one is configured
 */
@ConfigurationProperties("oriole.platform")
public record PlatformProperties(String operatorToken) {

    /** Shorter secrets are refused at start: the token guards every tenant of the installation. */
    public static final int MIN_TOKEN_LENGTH = 24;

    public PlatformProperties {
        if (operatorToken != null && operatorToken.isBlank()) {
            operatorToken = null;
        }
        if (operatorToken != null && operatorToken.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("oriole.platform.operator-token must have at least "
                    + MIN_TOKEN_LENGTH + " characters");
        }
    }

    public boolean enabled() {
        return operatorToken != null;
    }

    /** Whether {@code presented} is the operator token, compared in constant time; always false when disabled. */
    public boolean matches(String presented) {
        return operatorToken != null && presented != null && MessageDigest.isEqual(
                operatorToken.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
