package io.oriole.web.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class VisitorTokensTests {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Map<Long, String> SECRETS = Map.of(1L, "secret-of-tenant-a", 2L, "secret-of-tenant-b");

    private static VisitorTokens tokensAt(Instant now) {
        return new VisitorTokens(id -> Optional.ofNullable(SECRETS.get(id)), Duration.ofDays(30),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void issuedTokenVerifiesWithItsClaims() {
        String token = tokensAt(NOW).issue(1, 42, "visitor-1", SECRETS.get(1L));

        assertThat(tokensAt(NOW).verify(token)).hasValueSatisfying(v -> {
            assertThat(v.tenantId()).isEqualTo(1);
            assertThat(v.customerId()).isEqualTo(42);
            assertThat(v.visitorId()).isEqualTo("visitor-1");
            assertThat(v.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        });
    }

    @Test
    void tokenStopsWorkingWhenItExpires() {
        String token = tokensAt(NOW).issue(1, 42, "visitor-1", SECRETS.get(1L));

        assertThat(tokensAt(NOW.plus(Duration.ofDays(30)).minusSeconds(1)).verify(token)).isPresent();
        assertThat(tokensAt(NOW.plus(Duration.ofDays(30))).verify(token)).isEmpty();
    }

    @Test
    void changedCustomerIdInPayloadIsRejected() {
        String token = tokensAt(NOW).issue(1, 42, "visitor-1", SECRETS.get(1L));
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace(":42:", ":43:").getBytes()) + token.substring(token.indexOf('.'));

        assertThat(tokensAt(NOW).verify(forged)).isEmpty();
    }

    @Test
    void anyChangedCharacterOfTheSignatureIsRejected() {
        String token = tokensAt(NOW).issue(1, 42, "visitor-1", SECRETS.get(1L));

        for (int i = token.indexOf('.') + 1; i < token.length(); i++) {
            char c = token.charAt(i);
            String tampered = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            assertThat(tokensAt(NOW).verify(tampered)).as("changed at %d", i).isEmpty();
        }
    }

    @Test
    void tokenSignedWithAnotherTenantsSecretIsRejected() {
        String claimsTenantAButSignedByB = tokensAt(NOW).issue(1, 42, "visitor-1", SECRETS.get(2L));

        assertThat(tokensAt(NOW).verify(claimsTenantAButSignedByB)).isEmpty();
    }

    @Test
    void garbageIsRejectedWithoutThrowing() {
        VisitorTokens tokens = tokensAt(NOW);

        assertThat(tokens.verify(null)).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
        assertThat(tokens.verify("not-a-token")).isEmpty();
        assertThat(tokens.verify("%%%.###")).isEmpty();
        assertThat(tokens.verify("MTo0Mg.c2ln")).isEmpty();
    }

    @Test
    void userHashIsHexHmacOfTheUserId() {
        String hash = HexFormat.of().formatHex(VisitorTokens.hmac("secret-of-tenant-a", "shop-user-1001"));

        assertThat(VisitorTokens.userHashMatches("secret-of-tenant-a", "shop-user-1001", hash)).isTrue();
        assertThat(VisitorTokens.userHashMatches("secret-of-tenant-a", "shop-user-1001", hash.toUpperCase())).isTrue();
        assertThat(VisitorTokens.userHashMatches("secret-of-tenant-a", "shop-user-1002", hash)).isFalse();
        assertThat(VisitorTokens.userHashMatches("secret-of-tenant-a", "shop-user-1001", null)).isFalse();
    }
}
