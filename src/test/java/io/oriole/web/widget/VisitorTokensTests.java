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
                Duration.ofDays(90), Clock.fixed(now, ZoneOffset.UTC));
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
                .encodeToString(payload.replace(":1:42:", ":1:43:").getBytes()) + token.substring(token.indexOf('.'));

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
    void renewingEveryDayNeverKeepsATokenAlivePastItsAbsoluteLifetime() {
        String token = tokensAt(NOW).issue(1, 0, "visitor-1", SECRETS.get(1L));
        Instant day = NOW;
        for (int i = 0; i < 89; i++) {
            day = day.plus(Duration.ofDays(1));
            VisitorToken claims = tokensAt(day).verify(token).orElseThrow();
            token = tokensAt(day).issue(1, 0, claims.visitorId(), claims.issuedAt(), null, null, SECRETS.get(1L));
        }

        assertThat(tokensAt(NOW.plus(Duration.ofDays(90)).minusSeconds(1)).verify(token)).isPresent();
        assertThat(tokensAt(NOW.plus(Duration.ofDays(90))).verify(token)).isEmpty();
        assertThat(tokensAt(NOW.plus(Duration.ofDays(89))).verify(token)).hasValueSatisfying(
                v -> assertThat(v.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(90))));
    }

    @Test
    void anonymousVisitorTokenCarriesNameAndLocaleButNoCustomer() {
        String token = tokensAt(NOW).issue(1, 0, "visitor-1", null, "王女士: VIP", "zh-CN", SECRETS.get(1L));

        assertThat(tokensAt(NOW).verify(token)).hasValueSatisfying(v -> {
            assertThat(v.hasCustomer()).isFalse();
            assertThat(v.name()).isEqualTo("王女士: VIP");
            assertThat(v.locale()).isEqualTo("zh-CN");
            assertThat(v.issuedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void tokenOfTheFirstFormatStillVerifiesUntilItExpires() {
        String payload = "1:42:" + NOW.plus(Duration.ofDays(30)).getEpochSecond() + ":visitor-1";
        String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                        VisitorTokens.hmac(SECRETS.get(1L), payload));

        assertThat(tokensAt(NOW).verify(token)).hasValueSatisfying(v -> {
            assertThat(v.customerId()).isEqualTo(42);
            assertThat(v.issuedAt()).isEqualTo(NOW);
        });
        assertThat(tokensAt(NOW.plus(Duration.ofDays(30)))).extracting(t -> t.verify(token))
                .isEqualTo(Optional.empty());
    }

    @Test
    void aRotatedSecretVoidsEveryTokenSignedWithTheOldOne() {
        Map<Long, String> secrets = new java.util.HashMap<>(SECRETS);
        VisitorTokens tokens = new VisitorTokens(id -> Optional.ofNullable(secrets.get(id)), Duration.ofDays(30),
                Duration.ofDays(90), Clock.fixed(NOW, ZoneOffset.UTC));
        String token = tokens.issue(1, 42, "visitor-1", secrets.get(1L));

        secrets.put(1L, "rotated-secret-of-tenant-a");

        assertThat(tokens.verify(token)).isEmpty();
        assertThat(tokens.verify(tokens.issue(1, 42, "visitor-1", secrets.get(1L)))).isPresent();
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
