package io.oriole.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed logins are throttled: after {@code maxFailures} wrong passwords in a row, the account refuses
 * every attempt, right or wrong, for {@code lockFor}.
 */
@ConfigurationProperties("oriole.security.login")
public record LoginThrottle(int maxFailures, Duration lockFor) {

    public LoginThrottle {
        if (maxFailures <= 0) {
            maxFailures = 5;
        }
        if (lockFor == null) {
            lockFor = Duration.ofMinutes(15);
        }
    }
}
