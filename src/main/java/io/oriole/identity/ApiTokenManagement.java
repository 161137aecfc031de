package io.oriole.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.oriole.identity.internal.ApiTokenRepository;
import io.oriole.identity.internal.UserRepository;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;

/**
 * Issues, lists, revokes and checks API tokens. A token is shown once, at issue; afterwards only its hash
 * exists, so a lost token is revoked and replaced, never recovered.
 */
@Service
public class ApiTokenManagement {

    static final String PREFIX = "ori_";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Writing last-used on every request would turn each API read into a write; once a minute is enough. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final TenantManagement tenants;
    private final Clock clock;

    ApiTokenManagement(ApiTokenRepository tokens, UserRepository users, TenantManagement tenants, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** The token in plain text, returned exactly once, and its stored record. */
    public record IssuedToken(String plaintext, ApiToken token) {
    }

    @Transactional
    public IssuedToken issue(TenantId tenant, long userId, String name) {
        users.findByTenantIdAndId(tenant.value(), userId)
                .orElseThrow(() -> new IllegalArgumentException("unknown user " + userId));
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String plaintext = PREFIX + HexFormat.of().formatHex(secret);
        ApiToken saved = tokens.save(new ApiToken(null, tenant.value(), userId, name,
                plaintext.substring(0, PREFIX.length() + 6), sha256(plaintext), clock.instant(), null, null));
        return new IssuedToken(plaintext, saved);
    }

    public List<ApiToken> list(TenantId tenant, long userId) {
        return tokens.findByTenantIdAndUserIdOrderByIdDesc(tenant.value(), userId);
    }

    public Optional<ApiToken> find(TenantId tenant, long id) {
        return tokens.findByTenantIdAndId(tenant.value(), id);
    }

    /** Revokes a token of the tenant; revoking twice keeps the first revocation time. */
    @Transactional
    public Optional<ApiToken> revoke(TenantId tenant, long id) {
        return tokens.findByTenantIdAndId(tenant.value(), id)
                .map(t -> t.active() ? tokens.save(t.revokedAt(clock.instant())) : t);
    }

    /**
     * The principal a presented token stands for, if the token is known, unrevoked, its user enabled and its tenant
     * not suspended.
     */
    @Transactional
    public Optional<StaffPrincipal> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(sha256(presented)).filter(ApiToken::active)
                .filter(token -> tenants.isActive(new TenantId(token.tenantId()))).flatMap(token -> {
            var now = clock.instant();
            if (token.lastUsedAt() == null || token.lastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
                tokens.save(token.usedAt(now));
            }
            return users.findByTenantIdAndId(token.tenantId(), token.userId()).filter(User::enabled)
                    .map(user -> StaffPrincipal.of(user,
                            tenants.findCached(new TenantId(token.tenantId())).orElseThrow().slug()));
        });
    }

    /**
     * Whether {@code presented} is a token that {@link #authenticate} refuses only because its tenant is suspended:
     * such a caller is told why instead of being asked for a token it already has.
     */
    @Transactional(readOnly = true)
    public boolean ofSuspendedTenant(String presented) {
        if (presented == null || !presented.startsWith(PREFIX)) {
            return false;
        }
        return tokens.findByTokenHash(sha256(presented)).filter(ApiToken::active)
                .filter(token -> !tenants.isActive(new TenantId(token.tenantId()))).isPresent();
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
