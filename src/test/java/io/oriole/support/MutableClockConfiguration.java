package io.oriole.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the application's system clock with a {@link MutableClock} that tests can move. */
@TestConfiguration(proxyBeanMethods = false)
public class MutableClockConfiguration {

    /** A fixed, recognisable start: a Wednesday morning in Shanghai business hours. */
    public static final String START = "2026-11-18T01:00:00Z";

    @Bean
    @Primary
    MutableClock mutableClock() {
        return MutableClock.startingAt(START);
    }
}
