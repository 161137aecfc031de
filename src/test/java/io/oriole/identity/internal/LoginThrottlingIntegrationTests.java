package io.oriole.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import io.oriole.identity.LoginThrottle;
import io.oriole.identity.StaffPrincipal;
import io.oriole.identity.TenantLoginDetails;
import io.oriole.identity.User;
import io.oriole.identity.UserManagement;
import io.oriole.support.Fixtures;
import io.oriole.support.MutableClock;
import io.oriole.support.OrioleIntegrationTest;
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantManagement;

@OrioleIntegrationTest
class LoginThrottlingIntegrationTests {

    @Autowired
    StaffAuthenticationProvider login;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    TenantManagement tenants;
    @Autowired
    UserManagement users;
    @Autowired
    MutableClock clock;

    Tenant tenant;
    User user;

    @BeforeEach
    void staffUser() {
        tenant = Fixtures.tenant(tenants);
        user = Fixtures.user(users, tenant, "agent@example.com");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
        assertThat(throttle.maxFailures()).isEqualTo(5);
        failTimes(4);
        assertThat(users.find(tenant.tenantId(), user.id()).orElseThrow().lockedUntil()).isNull();

        failTimes(1);

        assertThat(users.find(tenant.tenantId(), user.id()).orElseThrow().lockedUntil())
                .isEqualTo(clock.instant().plus(throttle.lockFor()));
        assertThatThrownBy(() -> attempt(Fixtures.PASSWORD)).isInstanceOf(LockedException.class);
    }

    @Test
    void lockedAccountUnlocksOnceTheLockTimeHasPassed() {
        failTimes(5);
        clock.advance(throttle.lockFor().minusSeconds(1));
        assertThatThrownBy(() -> attempt(Fixtures.PASSWORD)).isInstanceOf(LockedException.class);

        clock.advance(Duration.ofSeconds(1));

        Authentication signedIn = attempt(Fixtures.PASSWORD);
        assertThat(((StaffPrincipal) signedIn.getPrincipal()).userId()).isEqualTo(user.id());
        User afterwards = users.find(tenant.tenantId(), user.id()).orElseThrow();
        assertThat(afterwards.failedAttempts()).isZero();
        assertThat(afterwards.lockedUntil()).isNull();
    }

    @Test
    void successfulLoginResetsTheFailureCount() {
        failTimes(4);
        attempt(Fixtures.PASSWORD);
        failTimes(4);

        assertThat(attempt(Fixtures.PASSWORD).isAuthenticated()).isTrue();
    }

    private void failTimes(int times) {
        for (int i = 0; i < times; i++) {
            String wrong = "wrong-password-" + i;
            assertThatThrownBy(() -> attempt(wrong)).isInstanceOf(BadCredentialsException.class);
        }
    }

    private Authentication attempt(String password) {
        var request = UsernamePasswordAuthenticationToken.unauthenticated(user.email(), password);
        request.setDetails(new TenantLoginDetails(tenant.slug(), "203.0.113.7"));
        return login.authenticate(request);
    }
}
