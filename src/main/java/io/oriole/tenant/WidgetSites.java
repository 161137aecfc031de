package io.oriole.tenant;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.oriole.shared.AfterCommit;
import io.oriole.shared.TimedCache;

/**
 * The sites a tenant allows to frame its chat widget, as origins ({@code https://shop.example.com},
 * {@code https://*.example.com}, {@code http://localhost:3000}). They become the widget page's
 * {@code frame-ancestors}; an empty list means any site, which is how a tenant starts. Anything else than a bare
 * origin (a path, a quote, a semicolon, another scheme) is refused, so an entry can never widen the policy.
 */
@Service
public class WidgetSites {

    public static final int MAX_SITES = 50;
    private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
    private static final Pattern ORIGIN = Pattern
            .compile("https?://(?:\\*\\.)?" + LABEL + "(?:\\." + LABEL + ")*(?::[0-9]{1,5})?");

    private final JdbcClient jdbc;
    private final Clock clock;
    /** Asked on every widget page view; another node's change shows within the same few seconds as a suspension. */
    private final TimedCache<Long, List<String>> byTenant = new TimedCache<>(TenantManagement.CACHED_FOR, 10_000);

    WidgetSites(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The allowed sites, empty for any site. */
    public List<String> allowed(TenantId tenant) {
        return byTenant.get(tenant.value(), id -> jdbc.sql("SELECT allowed_sites FROM widget_site WHERE tenant_id = :t")
                .param("t", id).query(String.class).optional().map(WidgetSites::lines).orElse(List.of()));
    }

    /**
     * Replaces the allowed sites with those in {@code text} (separated by new lines, commas or spaces; a trailing
     * slash is dropped); blank text allows any site again.
     *
     * @throws WidgetSiteRefused naming the first entry that is not an origin
     */
    @Transactional
    public List<String> allow(TenantId tenant, String text) {
        List<String> sites = parse(text);
        jdbc.sql("DELETE FROM widget_site WHERE tenant_id = :t").param("t", tenant.value()).update();
        if (!sites.isEmpty()) {
            jdbc.sql("INSERT INTO widget_site (tenant_id, allowed_sites, updated_at) VALUES (:t, :s, :at)")
                    .param("t", tenant.value()).param("s", String.join("\n", sites))
                    .param("at", Timestamp.from(clock.instant())).update();
        }
        byTenant.invalidate(tenant.value());
        AfterCommit.run(() -> byTenant.invalidate(tenant.value()));
        return sites;
    }

    static List<String> parse(String text) {
        List<String> sites = new ArrayList<>();
        for (String entry : lines(text == null ? "" : text)) {
            String site = entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry;
            site = site.toLowerCase(Locale.ROOT);
            if (!ORIGIN.matcher(site).matches()) {
                throw new WidgetSiteRefused(WidgetSiteRefused.Reason.NOT_A_SITE, entry);
            }
            if (!sites.contains(site)) {
                sites.add(site);
            }
        }
        if (sites.size() > MAX_SITES) {
            throw new WidgetSiteRefused(WidgetSiteRefused.Reason.TOO_MANY, null);
        }
        return List.copyOf(sites);
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
    }
}
