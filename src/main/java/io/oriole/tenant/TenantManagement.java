package io.oriole.tenant;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.oriole.shared.AfterCommit;
import io.oriole.shared.TimedCache;
import io.oriole.tenant.internal.TenantRepository;

/** Creates and looks up tenants. */
@Service
public class TenantManagement {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TenantRepository tenants;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    /** How long another node may serve a tenant's cached state after it was suspended, resumed or deleted. */
    public static final Duration CACHED_FOR = Duration.ofSeconds(3);
    private final TimedCache<String, Optional<Tenant>> bySlug = new TimedCache<>(CACHED_FOR, 10_000);
    private final TimedCache<Long, Optional<Tenant>> byId = new TimedCache<>(CACHED_FOR, 10_000);

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
        forget();
        AfterCommit.run(this::forget);
        return tenants.save(new Tenant(null, slug, name, newWidgetSecret(), defaultLocale, timeZone,
                clock.instant().truncatedTo(ChronoUnit.MICROS), null));
    }

    /**
     * Gives the tenant a new widget secret: every visitor token and every user hash made with the old one stops
     * working, on this node at once and on the others within {@link #CACHED_FOR}. Visitors start new sessions; the
     * tenant's own site must sign its user ids with the new secret.
     */
    @Transactional
    public Optional<Tenant> rotateWidgetSecret(TenantId id) {
        forget();
        AfterCommit.run(this::forget);
        return find(id).map(t -> tenants.save(t.withWidgetSecret(newWidgetSecret())));
    }

    private static String newWidgetSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    /** Whether {@code slug} has the shape of a tenant slug (2-63 lower-case letters, digits or dashes). */
    public static boolean isValidSlug(String slug) {
        return slug != null && SLUG.matcher(slug).matches();
    }

    /** The tenant with this slug, suspended or not: for the platform operator and for audits. */
    public Optional<Tenant> findBySlug(String slug) {
        return slug == null ? Optional.empty() : tenants.findBySlug(slug);
    }

    /**
     * The tenant with this slug if it may be used now: what the widget asks on every request. Read through a
     * cache of a few seconds, so a suspension made on another node takes effect here within
     * {@link #CACHED_FOR}; on this node at once.
     */
    public Optional<Tenant> findActiveBySlugCached(String slug) {
        return findBySlugCached(slug).filter(Tenant::active);
    }

    /** The tenant with this slug, suspended or not, through the same cache: to tell "suspended" from "unknown". */
    public Optional<Tenant> findBySlugCached(String slug) {
        return slug == null ? Optional.empty() : bySlug.get(slug, tenants::findBySlug);
    }

    /** The tenant with this slug if it may be used now: what the widget and the staff login ask. */
    public Optional<Tenant> findActiveBySlug(String slug) {
        return findBySlug(slug).filter(Tenant::active);
    }

    /** Whether the tenant exists and is not suspended. */
    public boolean isActive(TenantId id) {
        return findCached(id).map(Tenant::active).orElse(false);
    }

    /** Drops this node's cached tenants: one of them was erased. */
    void forget() {
        bySlug.clear();
        byId.clear();
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
        forget();
        AfterCommit.run(this::forget);
        return find(id).map(t -> {
            if (!t.active()) {
                return t;
            }
            // The column keeps microseconds: the answer must show the time that is stored and shown again later.
            Tenant saved = tenants.save(t.withSuspendedAt(clock.instant().truncatedTo(ChronoUnit.MICROS)));
            events.publishEvent(new TenantSuspended(id, saved.suspendedAt()));
            return saved;
        });
    }

    @Transactional
    public Optional<Tenant> resume(TenantId id) {
        forget();
        AfterCommit.run(this::forget);
        return find(id).map(t -> t.active() ? t : tenants.save(t.withSuspendedAt(null)));
    }

    /**
     * The tenant by id, read through the same short cache as {@link #findActiveBySlugCached}: for the questions asked
     * on every request (its widget secret, its time zone, whether it is suspended).
     */
    public Optional<Tenant> findCached(TenantId id) {
        return byId.get(id.value(), tenants::findById);
    }

    public Optional<Tenant> find(TenantId id) {
        return tenants.findById(id.value());
    }

    public Tenant get(TenantId id) {
        return find(id).orElseThrow(() -> new IllegalStateException("unknown tenant " + id));
    }
}
