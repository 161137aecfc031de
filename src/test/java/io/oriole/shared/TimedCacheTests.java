package io.oriole.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class TimedCacheTests {

    @Test
    void aCachedValueIsServedWithoutLoadingAgainUntilItIsInvalidated() {
        TimedCache<String, Integer> cache = new TimedCache<>(Duration.ofHours(1), 10);
        AtomicInteger loads = new AtomicInteger();

        assertThat(cache.get("a", k -> loads.incrementAndGet())).isEqualTo(1);
        assertThat(cache.get("a", k -> loads.incrementAndGet())).isEqualTo(1);
        cache.invalidate("a");

        assertThat(cache.get("a", k -> loads.incrementAndGet())).isEqualTo(2);
        assertThat(loads).hasValue(2);
    }

    @Test
    void anExpiredValueIsReloaded() {
        TimedCache<String, Integer> cache = new TimedCache<>(Duration.ZERO, 10);
        AtomicInteger loads = new AtomicInteger();

        cache.get("a", k -> loads.incrementAndGet());

        assertThat(cache.get("a", k -> loads.incrementAndGet())).isEqualTo(2);
    }

    @Test
    void aLoadThatRanAcrossAnInvalidationIsNotKept() {
        TimedCache<String, String> cache = new TimedCache<>(Duration.ofHours(1), 10);

        String read = cache.get("a", k -> {
            // The change commits and invalidates while this load still holds what it read before.
            cache.invalidate("a");
            return "before the change";
        });

        assertThat(read).isEqualTo("before the change");
        assertThat(cache.get("a", k -> "after the change")).isEqualTo("after the change");
    }

    @Test
    void aFailedReloadLetsTheNextCallerTryAgain() {
        TimedCache<String, String> cache = new TimedCache<>(Duration.ZERO, 10);
        cache.get("a", k -> "first");

        assertThatThrownBy(() -> cache.get("a", k -> {
            throw new IllegalStateException("database away");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(cache.get("a", k -> "second")).isEqualTo("second");
    }

    @Test
    void aFloodOfDistinctKeysNeverGrowsItBeyondItsBound() {
        TimedCache<Integer, Integer> cache = new TimedCache<>(Duration.ofHours(1), 3);
        AtomicInteger loads = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            cache.get(i, k -> loads.incrementAndGet());
        }
        loads.set(0);

        cache.get(0, k -> loads.incrementAndGet());

        assertThat(loads).as("the earliest keys were dropped to keep the bound").hasValue(1);
    }
}
