package io.oriole.tenant;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
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
    private final ApplicationEventPublisher events;

    TenantManagement(TenantRepository tenants, Clock clock, ApplicationEventPublisher events) {
        this.tenants = tenants;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Tenant create(String slug, String name, String defaultLocale, String timeZone) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("slug must be 2-63 lower-case letters, digits or dashes");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return tenants.save(new Tenant(null, slug, name, HexFormat.of().formatHex(secret), defaultLocale,
                timeZone, clock.instant(), null));
    }

    /** Whether {@code slug} has the shape of a tenant slug (2-63 lower-case letters, digits or dashes). */
    public static boolean isValidSlug(String slug) {
        return slug != null && SLUG.matcher(slug).matches();
    }

    /** The tenant with this slug, suspended or not: for the platform operator and for audits. */
    public Optional<Tenant> findBySlug(String slug) {
        return slug == null ? Optional.empty() : tenants.findBySlug(slug);
    }

    /** The tenant with this slug if it may be used now: what the widget and the staff login ask. */
    public Optional<Tenant> findActiveBySlug(String slug) {
        return findBySlug(slug).filter(Tenant::active);
    }

    /** Whether the tenant exists and is not suspended. */
    public boolean isActive(TenantId id) {
        return find(id).map(Tenant::active).orElse(false);
    }

    public List<Tenant> list() {
        List<Tenant> all = new ArrayList<>();
        tenants.findAll().forEach(all::add);
        all.sort(Comparator.comparing(Tenant::id));
        return all;
    }

    /**
     * Suspends the tenant: from the commit on, its staff cannot sign in, its API tokens and visitor tokens are
     * refused and its widget answers as if it did not exist. Suspending twice keeps the first time.
     */
    @Transactional
    public Optional<Tenant> suspend(TenantId id) {
        return find(id).map(t -> {
            if (!t.active()) {
                return t;
            }
            Tenant saved = tenants.save(t.withSuspendedAt(clock.instant()));
            events.publishEvent(new TenantSuspended(id, saved.suspendedAt()));
            return saved;
        });
    }

    @Transactional
    public Optional<Tenant> resume(TenantId id) {
        return find(id).map(t -> t.active() ? t : tenants.save(t.withSuspendedAt(null)));
    }

    public Optional<Tenant> find(TenantId id) {
        return tenants.findById(id.value());
    }

    public Tenant get(TenantId id) {
        return find(id).orElseThrow(() -> new IllegalStateException("unknown tenant " + id));
    }
}
