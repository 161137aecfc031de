package io.oriole.shared;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small read-through cache whose entries live a short, fixed time: for facts read on every request that change
 * rarely (a tenant by its slug, a tenant's agents, its SLA policies). The node that changes a fact invalidates its
 * entry at once; other nodes see the change when their entry expires, so the time to live is how stale another
 * node may be, and each use says so. Absent values are cached too. The expiry runs on the monotonic
 * {@link System#nanoTime()}, not on the domain clock: how long a copy is trusted is not a business time.
 */
public final class TimedCache<K, V> {

    private record Entry<V>(V value, long expiresAt) {
    }

    private final long ttlNanos;
    private final int maxEntries;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    public TimedCache(Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    public V get(K key, Function<K, V> load) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.expiresAt() < 0) {
            return entry.value();
        }
        V value = load.apply(key);
        if (entries.size() >= maxEntries) {
            // Crude but bounded: a flood of distinct keys (unknown slugs, say) can never grow it without limit.
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now + ttlNanos));
        return value;
    }

    public void invalidate(K key) {
        entries.remove(key);
    }

    public void clear() {
        entries.clear();
    }
}
