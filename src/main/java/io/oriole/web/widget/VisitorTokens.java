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
 * Signs and checks visitor tokens: {@code base64url(payload) + "." + base64url(HMAC-SHA256(tenant.widgetSecret,
 * payload))}, the payload being {@code v2:tenantId:customerId:issuedAt:expiresAt:locale:base64url(name):visitorId}
 * (epoch seconds; customerId 0 while an anonymous visitor has not written yet). The tenant id inside the payload
 * picks the secret, so a token can only verify under the tenant that issued it, and the caller still compares it
 * with the widget's tenant. No state on the server: any node can check any token; rotating a tenant's widget secret
 * voids all of its tokens at once.
 * <p>
 * A renewal keeps {@code issuedAt}, and no token expires later than {@code issuedAt + maxLifetime}: a visitor who
 * comes back every day still gets a new identity after {@code maxLifetime} (90 days by default) instead of keeping
 * one token alive for ever. Tokens of the first format ({@code tenantId:customerId:expiresAt:visitorId}) still
 * verify, as issued one {@code ttl} before they expire.
 */
class VisitorTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String VERSION = "v2";

    private final LongFunction<Optional<String>> secretOfTenant;
    private final Duration ttl;
    private final Duration maxLifetime;
    private final Clock clock;

    VisitorTokens(LongFunction<Optional<String>> secretOfTenant, Duration ttl, Duration maxLifetime, Clock clock) {
        this.secretOfTenant = secretOfTenant;
        this.ttl = ttl;
        this.maxLifetime = maxLifetime;
        this.clock = clock;
    }

    /** A first token, issued now. */
    String issue(long tenantId, long customerId, String visitorId, String secret) {
        return issue(tenantId, customerId, visitorId, clock.instant(), null, null, secret);
    }

    /**
     * A token valid for {@code ttl} from now but never beyond {@code issuedAt + maxLifetime}; {@code issuedAt} null
     * means a first token, issued now; {@code name} and {@code locale} may be null.
     */
    String issue(long tenantId, long customerId, String visitorId, Instant issuedAt, String name, String locale,
            String secret) {
        Instant now = clock.instant();
        Instant first = issuedAt == null || issuedAt.isAfter(now) ? now : issuedAt;
        Instant expiry = min(now.plus(ttl), first.plus(maxLifetime));
        String payload = String.join(":", VERSION, Long.toString(tenantId), Long.toString(customerId),
                Long.toString(first.getEpochSecond()), Long.toString(expiry.getEpochSecond()),
                locale == null ? "" : locale,
                name == null ? "" : ENCODER.encodeToString(name.getBytes(StandardCharsets.UTF_8)),
                visitorId == null ? "" : visitorId);
        return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + ENCODER.encodeToString(hmac(secret, payload));
    }

    /** The token's claims if it is well-formed, signed by its tenant's current secret and within its lifetime. */
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
            Optional<VisitorToken> claims = claimsOf(payload);
            if (claims.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> secret = secretOfTenant.apply(claims.get().tenantId());
            if (secret.isEmpty() || !MessageDigest.isEqual(
                    ENCODER.encodeToString(hmac(secret.get(), payload)).getBytes(StandardCharsets.US_ASCII),
                    signature)) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            VisitorToken v = claims.get();
            if (!now.isBefore(v.expiresAt()) || !now.isBefore(v.issuedAt().plus(maxLifetime))) {
                return Optional.empty();
            }
            return claims;
        }
        catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private Optional<VisitorToken> claimsOf(String payload) {
        if (payload.startsWith(VERSION + ":")) {
            String[] parts = payload.split(":", 8);
            if (parts.length != 8) {
                return Optional.empty();
            }
            return Optional.of(new VisitorToken(Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                    parts[7].isEmpty() ? null : parts[7], Instant.ofEpochSecond(Long.parseLong(parts[3])),
                    Instant.ofEpochSecond(Long.parseLong(parts[4])), parts[6].isEmpty() ? null
                            : new String(DECODER.decode(parts[6]), StandardCharsets.UTF_8),
                    parts[5].isEmpty() ? null : parts[5]));
        }
        String[] parts = payload.split(":", 4);
        if (parts.length != 4) {
            return Optional.empty();
        }
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        return Optional.of(new VisitorToken(Long.parseLong(parts[0]), Long.parseLong(parts[1]),
                parts[3].isEmpty() ? null : parts[3], expiresAt.minus(ttl), expiresAt, null, null));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
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
