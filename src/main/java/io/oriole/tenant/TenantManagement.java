package io.oriole.tenant;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.oriole.tenant.internal.TenantRepository;

/** Creates and looks up tenants. */
@Service
public class TenantManagement {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TenantRepository tenants;
    private final Clock clock;

    TenantManagement(TenantRepository tenants, Clock clock) {
        this.tenants = tenants;
        this.clock = clock;
    }

    @Transactional
    public Tenant create(String slug, String name, String defaultLocale, String timeZone) {
        if (!SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("slug must be 2-63 lower-case letters, digits or dashes");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return tenants.save(new Tenant(null, slug, name, HexFormat.of().formatHex(secret), defaultLocale,
                timeZone, clock.instant()));
    }

    public Optional<Tenant> findBySlug(String slug) {
        return slug == null ? Optional.empty() : tenants.findBySlug(slug);
    }

    public Optional<Tenant> find(TenantId id) {
        return tenants.findById(id.value());
    }

    public Tenant get(TenantId id) {
        return find(id).orElseThrow(() -> new IllegalStateException("unknown tenant " + id));
    }
}
