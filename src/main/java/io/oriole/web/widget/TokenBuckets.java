package io.oriole.web.widget;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per key, in this node's memory: a key may spend {@code burst} requests at once and earns
 * {@code perMinute} back per minute, continuously. For example with burst 3 and 60 per minute, a visitor sends three
 * messages at once, the fourth in the same instant is refused with "retry in 1 s", and after three idle seconds they
 * may send three again.
 * <p>
 * Buckets of keys that have been idle long enough to be full again are forgotten when the map grows beyond
 * {@code maxKeys}, so a flood of new keys costs bounded memory. Limits hold per node: behind a load balancer with
 * N nodes a key may get up to N times the limit.
 */
final class TokenBuckets {

    private static final class Bucket {
        double tokens;
        long updatedMillis;

        Bucket(double tokens, long updatedMillis) {
            this.tokens = tokens;
            this.updatedMillis = updatedMillis;
        }
    }

    private final double burst;
    private final double perMilli;
    private final int maxKeys;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(int burst, int perMinute, int maxKeys, Clock clock) {
        if (burst < 1 || perMinute < 1) {
            throw new IllegalArgumentException("a limit needs a burst and a rate of at least 1");
        }
        this.burst = burst;
        this.perMilli = perMinute / 60_000.0;
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** How long until {@code key} may spend one request; zero when it may now. Spends nothing. */
    Duration waitFor(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            return Duration.ZERO;
        }
        synchronized (bucket) {
            double tokens = refilled(bucket, clock.millis());
            return tokens >= 1 ? Duration.ZERO : Duration.ofMillis((long) Math.ceil((1 - tokens) / perMilli));
        }
    }

    /** Spends one request of {@code key}; false (and nothing spent) when its bucket is empty. */
    boolean take(String key) {
        long now = clock.millis();
        if (buckets.size() >= maxKeys) {
            forgetFull(now);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (bucket) {
            double tokens = refilled(bucket, now);
            bucket.updatedMillis = Math.max(bucket.updatedMillis, now);
            if (tokens < 1) {
                bucket.tokens = tokens;
                return false;
            }
            bucket.tokens = tokens - 1;
            return true;
        }
    }

    int size() {
        return buckets.size();
    }

    private double refilled(Bucket bucket, long now) {
        return Math.min(burst, bucket.tokens + Math.max(0, now - bucket.updatedMillis) * perMilli);
    }

    private void forgetFull(long now) {
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return refilled(e.getValue(), now) >= burst;
            }
        });
    }
}
