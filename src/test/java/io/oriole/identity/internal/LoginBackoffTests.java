package io.oriole.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.oriole.identity.LoginThrottle;
import io.oriole.support.MutableClock;

class LoginBackoffTests {

    final MutableClock clock = MutableClock.startingAt("2026-03-02T09:00:00Z");
    final LoginThrottle settings = new LoginThrottle(5, Duration.ofSeconds(10), Duration.ofMinutes(15), 1_000);
    final LoginBackoff backoff = new LoginBackoff(settings, clock);

    @Test
    void fourFailuresCostNothingAndTheFifthBacksOffForTheFirstDelay() {
        failTimes(4, "admin", "10.0.0.1");
        assertThat(backoff.mayTry("admin", "10.0.0.1")).isTrue();

        failTimes(1, "admin", "10.0.0.1");

        assertThat(backoff.mayTry("admin", "10.0.0.1")).isFalse();
        clock.advance(Duration.ofSeconds(10));
        assertThat(backoff.mayTry("admin", "10.0.0.1")).isTrue();
    }

    @Test
    void theWindowDoublesWithEachFurtherFailureUpToTheLongestDelay() {
        assertThat(backoff.delayAfter(4)).isZero();
        assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delayAfter(6)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.delayAfter(7)).isEqualTo(Duration.ofSeconds(40));
        assertThat(backoff.delayAfter(12)).isEqualTo(Duration.ofMinutes(15));
        assertThat(backoff.delayAfter(1_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void anAccountInBackOffStillLetsAnAddressWithoutFailuresTry() {
        failTimes(20, "admin", "10.0.0.66");

        assertThat(backoff.mayTry("admin", "10.0.0.66")).isFalse();
        assertThat(backoff.mayTry("admin", "10.0.0.10")).isTrue();
    }

    @Test
    void anAccountInBackOffRefusesEveryAddressThatFailedLately() {
        failTimes(4, "admin", "10.0.0.66");
        failTimes(1, "admin", "10.0.0.67");

        assertThat(backoff.mayTry("admin", "10.0.0.67")).isFalse();
        assertThat(backoff.mayTry("someone-else", "10.0.0.67")).isTrue();
    }

    @Test
    void anAddressInBackOffIsRefusedForEveryAccount() {
        for (int i = 0; i < 5; i++) {
            failTimes(1, "user-" + i, "10.0.0.77");
        }

        assertThat(backoff.mayTry("anyone", "10.0.0.77")).isFalse();
        assertThat(backoff.mayTry("anyone", "10.0.0.78")).isTrue();
    }

    @Test
    void aSuccessForgetsTheAccountsFailuresButNotTheAddresss() {
        failTimes(4, "admin", "10.0.0.1");
        backoff.succeeded("admin");
        failTimes(1, "admin", "10.0.0.1");

        assertThat(backoff.mayTry("admin", "10.0.0.1")).isFalse();
        assertThat(backoff.mayTry("admin", "10.0.0.2")).isTrue();
    }

    @Test
    void aKeyQuietForTheLongestDelayAfterItsWindowIsForgotten() {
        failTimes(5, "admin", "10.0.0.1");
        clock.advance(Duration.ofSeconds(10).plus(Duration.ofMinutes(15)));

        failTimes(4, "admin", "10.0.0.1");

        assertThat(backoff.mayTry("admin", "10.0.0.1")).isTrue();
    }

    @Test
    void memoryIsBoundedByDroppingTheLeastRecentlyFailedKey() {
        LoginBackoff small = new LoginBackoff(new LoginThrottle(1, Duration.ofMinutes(1), Duration.ofMinutes(1), 2),
                clock);
        small.failed("a", "10.0.0.1");
        small.failed("b", "10.0.0.2");
        small.failed("c", "10.0.0.3");

        assertThat(small.mayTry("x", "10.0.0.1")).isTrue();
        assertThat(small.mayTry("x", "10.0.0.3")).isFalse();
    }

    private void failTimes(int times, String account, String address) {
        for (int i = 0; i < times; i++) {
            backoff.failed(account, address);
        }
    }
}
