package io.oriole.shared;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A small read-through cache whose entries live a short, fixed time: for facts read on every request that change
 * rarely (a tenant by its slug, a tenant's agents, its SLA policies). The node that changes a fact invalidates its
 * entry at once; other nodes see the change when their entry expires, so the time to live is how stale another
 * node may be, and each use says so. Absent values are cached too. The expiry runs on the monotonic
 * {@link System#nanoTime()}, not on the domain clock: how long a copy is trusted is not a business time.
 */
public final class TimedCache<K, V> {

    private record Entry<V>(V value, long expiresAt, AtomicBoolean refreshing) {
    }

    private final long ttlNanos;
    private final int maxEntries;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong invalidations = new AtomicLong();

    public TimedCache(Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    /**
     * The cached value, loading it if there is none. An expired value is reloaded by one caller while the others go
     * on with the old one for the moment the load takes: a hundred requests arriving as an entry expires must not
     * all reload it at once.
     */
    public V get(K key, Function<K, V> load) {
        long now = System.nanoTime();
        long generation = invalidations.get();
        Entry<V> entry = entries.get(key);
        if (entry != null) {
            if (now - entry.expiresAt() < 0 || !entry.refreshing().compareAndSet(false, true)) {
                return entry.value();
            }
        }
        V value;
        try {
            value = load.apply(key);
        }
        catch (RuntimeException failed) {
            if (entry != null) {
                entry.refreshing().set(false);
            }
            throw failed;
        }
        if (entries.size() >= maxEntries) {
            // Crude but bounded: a flood of distinct keys (unknown slugs, say) can never grow it without limit.
            entries.clear();
        }
        Entry<V> fresh = new Entry<>(value, System.nanoTime() + ttlNanos, new AtomicBoolean());
        if (invalidations.get() != generation) {
            // Something was invalidated while this loaded: what it read may predate that change, so keep nothing.
            if (entry != null) {
                entries.remove(key, entry);
            }
            return value;
        }
        if (entry == null) {
            entries.putIfAbsent(key, fresh);
        }
        else {
            // Replaced only if nobody invalidated it meanwhile: an invalidation wins over a load that began before it.
            entries.replace(key, entry, fresh);
        }
        return value;
    }

    public void invalidate(K key) {
        invalidations.incrementAndGet();
        entries.remove(key);
    }

    public void clear() {
        invalidations.incrementAndGet();
        entries.clear();
    }
}
