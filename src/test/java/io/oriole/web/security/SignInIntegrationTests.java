package io.oriole.web.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import io.oriole.identity.LoginThrottle;
import io.oriole.identity.User;
import io.oriole.identity.UserManagement;
import io.oriole.support.Fixtures;
import io.oriole.support.MutableClock;
import io.oriole.support.OrioleIntegrationTest;
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantManagement;

/** The staff login form under guessing: counted once, slowed per account and per address, and never telling. */
@OrioleIntegrationTest
@AutoConfigureMockMvc
class SignInIntegrationTests {

    private static final String WORKSPACE = "/workspace";
    private static final AtomicInteger NETS = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    TenantManagement tenants;
    @Autowired
    UserManagement users;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    MutableClock clock;

    Tenant tenant;
    User admin;
    /** A fresh address block per test: the throttle remembers addresses for the whole context. */
    String net;

    @BeforeEach
    void staffMember() {
        tenant = Fixtures.tenant(tenants);
        admin = Fixtures.user(users, tenant, "admin@example.com");
        net = "10.20." + NETS.incrementAndGet() + ".";
    }

    @Test
    void eachWrongPasswordCountsOnceSoTheRightOneStillWorksAfterFourMistakes() throws Exception {
        for (int i = 0; i < throttle.maxFailures() - 1; i++) {
            signIn(admin.email(), "wrong-" + i, net + 1).andExpect(redirectedUrl(failed(admin.email())));
        }

        signIn(admin.email(), Fixtures.PASSWORD, net + 1).andExpect(redirectedUrl(WORKSPACE));
    }

    @Test
    void anAttackerFailingFromOneAddressCannotLockTheAdminOutFromAnother() throws Exception {
        for (int i = 0; i < 3 * throttle.maxFailures(); i++) {
            signIn(admin.email(), "guess-" + i, net + 66);
        }

        signIn(admin.email(), Fixtures.PASSWORD, net + 10).andExpect(redirectedUrl(WORKSPACE));
    }

    @Test
    void anAddressThatKeepsFailingIsRefusedEvenTheRightPasswordUntilItsBackOffEnds() throws Exception {
        for (int i = 0; i < throttle.maxFailures(); i++) {
            signIn(admin.email(), "guess-" + i, net + 66);
        }

        signIn(admin.email(), Fixtures.PASSWORD, net + 66).andExpect(redirectedUrl(failed(admin.email())));

        clock.advance(throttle.firstDelay());
        signIn(admin.email(), Fixtures.PASSWORD, net + 66).andExpect(redirectedUrl(WORKSPACE));
    }

    @Test
    void anAddressSprayingManyAccountsIsSlowedDownForEveryAccount() throws Exception {
        for (int i = 0; i < throttle.maxFailures(); i++) {
            signIn("someone-" + i + "@example.com", "guess", net + 77);
        }

        signIn(admin.email(), Fixtures.PASSWORD, net + 77).andExpect(redirectedUrl(failed(admin.email())));
        signIn(admin.email(), Fixtures.PASSWORD, net + 78).andExpect(redirectedUrl(WORKSPACE));
    }

    @Test
    void unknownAccountsAndAccountsInBackOffAnswerExactlyLikeAWrongPassword() throws Exception {
        String unknown = "nobody@example.com";
        signIn(unknown, "guess", net + 5).andExpect(redirectedUrl(failed(unknown)));
        signIn(admin.email(), "guess", net + 6).andExpect(redirectedUrl(failed(admin.email())));

        for (int i = 0; i < 2 * throttle.maxFailures(); i++) {
            signIn(admin.email(), "guess-" + i, net + 7).andExpect(redirectedUrl(failed(admin.email())));
            signIn(unknown, "guess-" + i, net + 8).andExpect(redirectedUrl(failed(unknown)));
        }
    }

    @Test
    void theBackOffGrowsWithEveryFurtherFailure() throws Exception {
        for (int i = 0; i < throttle.maxFailures(); i++) {
            signIn(admin.email(), "guess-" + i, net + 90);
        }
        clock.advance(throttle.firstDelay());
        signIn(admin.email(), "one-more-guess", net + 90);

        clock.advance(throttle.firstDelay());
        signIn(admin.email(), Fixtures.PASSWORD, net + 90).andExpect(redirectedUrl(failed(admin.email())));
        clock.advance(throttle.firstDelay());
        signIn(admin.email(), Fixtures.PASSWORD, net + 90).andExpect(redirectedUrl(WORKSPACE));
    }

    private ResultActions signIn(String email, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("tenant", tenant.slug()).param("email", email)
                .param("password", password).with(csrf()).with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }));
    }

    private String failed(String email) {
        return "/login?error=bad&tenant=" + tenant.slug() + "&email=" + email;
    }
}
