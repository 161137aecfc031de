package io.oriole.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class MutableClockTests {

    private final MutableClock clock = MutableClock.startingAt("2026-11-18T01:00:00Z");

    @Test
    void standsStillUntilMoved() {
        Instant before = clock.instant();

        clock.advance(Duration.ofMinutes(15));

        assertThat(clock.instant()).isEqualTo(before.plus(Duration.ofMinutes(15)));
        assertThat(clock.millis()).isEqualTo(clock.instant().toEpochMilli());
    }

    @Test
    void clockInAnotherZoneMovesTogether() {
        var shanghai = clock.withZone(ZoneId.of("Asia/Shanghai"));

        clock.set(Instant.parse("2026-12-01T00:00:00Z"));

        assertThat(shanghai.instant()).isEqualTo(clock.instant());
        assertThat(shanghai.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(LocalTime.now(shanghai)).hasHour(8);
    }
}
