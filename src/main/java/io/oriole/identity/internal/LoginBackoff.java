package io.oriole.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.oriole.identity.LoginThrottle;

/**
 * Slows down password guessing without handing an attacker a lock over someone else's account. Failures are
 * counted on two keys, the account (workspace and e-mail, existing or not) and the client address:
 * <ul>
 * <li>an address in back-off is refused, whatever account it tries;</li>
 * <li>an account in back-off is refused to addresses that have failed lately, but an address with no recent
 * failure still gets its password checked, so the real admin signs in while someone guesses from elsewhere.</li>
 * </ul>
 * With the defaults (5 free failures, 10 s doubling up to 15 min): the 5th failure refuses the key for 10 s, the
 * 6th for 20 s, the 7th for 40 s … the 12th and later for 15 min. A refused attempt does not count and does not
 * move the window. A success forgets the account's failures, not the address's: one valid account does not buy an
 * address more guesses at others. Counts live in this node's memory only (each node slows guessing on its own).
 */
final class LoginBackoff {

    private final LoginThrottle settings;
    private final Clock clock;
    private final Failures accounts;
    private final Failures addresses;

    LoginBackoff(LoginThrottle settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.accounts = new Failures(settings.maxTracked());
        this.addresses = new Failures(settings.maxTracked());
    }

    /** Whether a password may be checked now for {@code account} from {@code address}. */
    boolean mayTry(String account, String address) {
        Instant now = clock.instant();
        if (addresses.blocked(address, now)) {
            return false;
        }
        return !(accounts.blocked(account, now) && addresses.failing(address, now));
    }

    void failed(String account, String address) {
        Instant now = clock.instant();
        accounts.record(account, now);
        addresses.record(address, now);
    }

    void succeeded(String account) {
        accounts.forget(account);
    }

    /** How long the {@code n}-th failure in a row refuses its key: nothing up to maxFailures - 1, then doubling. */
    Duration delayAfter(int n) {
        int doublings = n - settings.maxFailures();
        if (doublings < 0) {
            return Duration.ZERO;
        }
        Duration delay = settings.firstDelay();
        for (int i = 0; i < doublings && delay.compareTo(settings.maxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    private record Record(int failures, Instant last, Instant blockedUntil) {
    }

    /** Failure records by key, the least recently failed dropped first once {@code capacity} is reached. */
    private final class Failures {

        private final Map<String, Record> byKey;

        Failures(int capacity) {
            this.byKey = new LinkedHashMap<>(256, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Record> eldest) {
                    return size() > capacity;
                }
            };
        }

        synchronized boolean blocked(String key, Instant now) {
            Record r = current(key, now);
            return r != null && now.isBefore(r.blockedUntil());
        }

        synchronized boolean failing(String key, Instant now) {
            return current(key, now) != null;
        }

        synchronized void record(String key, Instant now) {
            Record before = current(key, now);
            int failures = before == null ? 1 : before.failures() + 1;
            byKey.remove(key);
            byKey.put(key, new Record(failures, now, now.plus(delayAfter(failures))));
        }

        synchronized void forget(String key) {
            byKey.remove(key);
        }

        /** The key's record unless it has been quiet for the longest delay, after which it is forgotten. */
        private Record current(String key, Instant now) {
            Record r = byKey.get(key);
            if (r != null && !now.isBefore(r.last().plus(settings.maxDelay()).plus(delayAfter(r.failures())))) {
                byKey.remove(key);
                return null;
            }
            return r;
        }
    }
}
