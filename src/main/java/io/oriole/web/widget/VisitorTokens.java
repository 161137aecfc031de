package io.oriole.web.widget;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.LongFunction;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks visitor tokens: {@code base64url(tenantId:customerId:expiryEpochSeconds:visitorId)} + "." +
 * {@code base64url(HMAC-SHA256(tenant.widgetSecret, payload))}. The tenant id inside the payload picks the secret,
 * so a token can only verify under the tenant that issued it, and the caller still compares it with the widget's
 * tenant. No state on the server: any node can check any token.
 */
class VisitorTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final LongFunction<Optional<String>> secretOfTenant;
    private final Duration ttl;
    private final Clock clock;

    VisitorTokens(LongFunction<Optional<String>> secretOfTenant, Duration ttl, Clock clock) {
        this.secretOfTenant = secretOfTenant;
        this.ttl = ttl;
        this.clock = clock;
    }

    String issue(long tenantId, long customerId, String visitorId, String secret) {
        long expiry = clock.instant().plus(ttl).getEpochSecond();
        String payload = tenantId + ":" + customerId + ":" + expiry + ":" + (visitorId == null ? "" : visitorId);
        return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + ENCODER.encodeToString(hmac(secret, payload));
    }

    /** The token's claims if it is well-formed, signed by its tenant's secret and not expired. */
    Optional<VisitorToken> verify(String token) {
        try {
            int dot = token == null ? -1 : token.indexOf('.');
            if (dot < 1) {
                return Optional.empty();
            }
            String payload = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            // Compared as text, not decoded bytes: the decoder ignores the unused low bits of the last character,
            // so several spellings decode to the same signature and only the one we issued may pass.
            byte[] signature = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
            String[] parts = payload.split(":", 4);
            if (parts.length != 4) {
                return Optional.empty();
            }
            long tenantId = Long.parseLong(parts[0]);
            Optional<String> secret = secretOfTenant.apply(tenantId);
            if (secret.isEmpty() || !MessageDigest.isEqual(
                    ENCODER.encodeToString(hmac(secret.get(), payload)).getBytes(StandardCharsets.US_ASCII),
                    signature)) {
                return Optional.empty();
            }
            Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            if (!clock.instant().isBefore(expiresAt)) {
                return Optional.empty();
            }
            return Optional.of(new VisitorToken(tenantId, Long.parseLong(parts[1]),
                    parts[3].isEmpty() ? null : parts[3], expiresAt));
        }
        catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** Hex HMAC-SHA256 of a tenant's user id, as the tenant's own site computes it to identify a customer. */
    static boolean userHashMatches(String secret, String userId, String userHash) {
        if (userHash == null) {
            return false;
        }
        byte[] expected = HexFormat.of().formatHex(hmac(secret, userId)).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, userHash.toLowerCase().getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(String secret, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
