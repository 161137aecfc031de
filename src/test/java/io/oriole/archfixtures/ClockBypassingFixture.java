package io.oriole.archfixtures;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;

/** Reads the system time directly instead of the Clock bean. */
public class ClockBypassingFixture {

    Instant deadline() {
        return Instant.now().plusSeconds(60);
    }

    LocalDateTime local() {
        return LocalDateTime.now();
    }

    long millis() {
        return System.currentTimeMillis();
    }

    Clock ownClock() {
        return Clock.systemUTC();
    }

    /** Allowed: time from a Clock. */
    Instant fromClock(Clock clock) {
        return Instant.now(clock);
    }
}
