package io.oriole.web.widget;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much the public widget takes before it answers 429: every session and every message spends one request of
 * its IP's bucket and of its tenant's bucket, and every message (and feedback click) one of its visitor's. Reads
 * (the conversation, the place in line) need a valid token and write nothing, so they are not counted. Defaults suit
 * a real site: a person writes far less than one message every two seconds, an office behind one address opens a
 * few sessions a minute, and a tenant's widget takes a hundred writes a second. The load benchmark, whose thousand
 * visitors all come from 127.0.0.1, raises {@code ip} and {@code tenant}. Limits are per node.
 */
final class WidgetLimits {

    /**
     * @param enabled whether the widget limits requests at all
     * @param visitor messages and feedback per visitor
     * @param ip sessions, messages and feedback per client IP address
     * @param tenant sessions, messages and feedback per tenant
     * @param maxKeys how many buckets of each kind a node keeps before it forgets those idle long enough to be full
     */
    @ConfigurationProperties("oriole.widget.limits")
    record Settings(Boolean enabled, Rate visitor, Rate ip, Rate tenant, Integer maxKeys) {

        Settings {
            enabled = enabled == null || enabled;
            visitor = Rate.orDefault(visitor, 20, 30);
            ip = Rate.orDefault(ip, 60, 120);
            tenant = Rate.orDefault(tenant, 1_000, 6_000);
            maxKeys = maxKeys == null ? 100_000 : maxKeys;
        }
    }

    /** {@code burst} requests at once, {@code perMinute} more each minute. */
    record Rate(Integer burst, Integer perMinute) {

        static Rate orDefault(Rate rate, int burst, int perMinute) {
            return new Rate(rate == null || rate.burst() == null ? burst : rate.burst(),
                    rate == null || rate.perMinute() == null ? perMinute : rate.perMinute());
        }
    }

    /** Which limit a request ran into, as the 429 names it. */
    enum Limit {
        VISITOR, IP, TENANT
    }

    /** Refused for {@code limit}; the client may retry after {@code retryAfter}. */
    static final class LimitReached extends RuntimeException {

        final Limit limit;
        final Duration retryAfter;

        LimitReached(Limit limit, Duration retryAfter) {
            super(null, null, false, false);
            this.limit = limit;
            this.retryAfter = retryAfter;
        }
    }

    private final boolean enabled;
    private final TokenBuckets visitors;
    private final TokenBuckets ips;
    private final TokenBuckets tenants;

    WidgetLimits(Settings settings, Clock clock) {
        this.enabled = settings.enabled();
        this.visitors = buckets(settings.visitor(), settings.maxKeys(), clock);
        this.ips = buckets(settings.ip(), settings.maxKeys(), clock);
        this.tenants = buckets(settings.tenant(), settings.maxKeys(), clock);
    }

    private static TokenBuckets buckets(Rate rate, int maxKeys, Clock clock) {
        return new TokenBuckets(rate.burst(), rate.perMinute(), maxKeys, clock);
    }

    /** Spends one session of this IP and tenant, or throws {@link LimitReached}. */
    void session(String ip, long tenantId) {
        spend(null, ip, tenantId);
    }

    /** Spends one message of this visitor, IP and tenant, or throws {@link LimitReached}. */
    void message(String visitor, String ip, long tenantId) {
        spend(visitor, ip, tenantId);
    }

    /**
     * Checks every bucket before spending from any, so a request refused by its IP's limit does not also use up its
     * visitor's allowance.
     */
    private void spend(String visitor, String ip, long tenantId) {
        if (!enabled) {
            return;
        }
        String tenant = Long.toString(tenantId);
        refuseIfEmpty(Limit.TENANT, tenants, tenant);
        refuseIfEmpty(Limit.IP, ips, ip);
        if (visitor != null) {
            refuseIfEmpty(Limit.VISITOR, visitors, visitor);
        }
        take(Limit.TENANT, tenants, tenant);
        take(Limit.IP, ips, ip);
        if (visitor != null) {
            take(Limit.VISITOR, visitors, visitor);
        }
    }

    private static void refuseIfEmpty(Limit limit, TokenBuckets buckets, String key) {
        Duration wait = buckets.waitFor(key);
        if (!wait.isZero()) {
            throw new LimitReached(limit, wait);
        }
    }

    /** Another request may have taken the last token between the check and here. */
    private static void take(Limit limit, TokenBuckets buckets, String key) {
        if (!buckets.take(key)) {
            throw new LimitReached(limit, buckets.waitFor(key));
        }
    }
}
