package io.oriole.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed logins are slowed down. Failures are counted per account (workspace and e-mail, whether or not it
 * exists) and per client address. The first {@code maxFailures} cost nothing; each further one refuses that key for
 * a window that starts at {@code firstDelay} and doubles up to {@code maxDelay}. A key still quiet {@code maxDelay}
 * after its window ended is forgotten; each node remembers at most {@code maxTracked} accounts and as many addresses.
 */
@ConfigurationProperties("oriole.security.login")
public record LoginThrottle(int maxFailures, Duration firstDelay, Duration maxDelay, int maxTracked) {

    public LoginThrottle {
        if (maxFailures <= 0) {
            maxFailures = 5;
        }
        if (firstDelay == null || firstDelay.isNegative() || firstDelay.isZero()) {
            firstDelay = Duration.ofSeconds(10);
        }
        if (maxDelay == null || maxDelay.compareTo(firstDelay) < 0) {
            maxDelay = Duration.ofMinutes(15).compareTo(firstDelay) < 0 ? firstDelay : Duration.ofMinutes(15);
        }
        if (maxTracked <= 0) {
            maxTracked = 100_000;
        }
    }
}
