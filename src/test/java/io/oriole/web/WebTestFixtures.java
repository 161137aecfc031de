package io.oriole.web;

import java.util.UUID;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import io.oriole.conversation.Channel;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerManagement;
import io.oriole.identity.StaffPrincipal;
import io.oriole.identity.UserManagement;
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantManagement;

/** Small factories shared by the web tests; the demo tenant is seeded in every test application. */
public final class WebTestFixtures {

    public static final String DEMO = "demo";
    public static final String PASSWORD = "oriole-demo-2026";
    public static final String LINA = "lina@demo.oriole.dev";
    public static final String ADMIN = "admin@demo.oriole.dev";

    /** An in-memory database per test class family, so suites never see each other's rows. */
    public static final String H2_MEM = "jdbc:h2:mem:";
    public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    private WebTestFixtures() {
    }

    public static Authentication staff(TenantManagement tenants, UserManagement users, String email) {
        Tenant demo = tenants.findBySlug(DEMO).orElseThrow();
        StaffPrincipal principal = StaffPrincipal.of(users.findByEmail(demo.tenantId(), email).orElseThrow(), DEMO);
        return new UsernamePasswordAuthenticationToken(principal, null, principal.authorities());
    }

    /** Another company with one customer and one open conversation. */
    public static Conversation otherTenantConversation(TenantManagement tenants, CustomerManagement customers,
            ConversationManagement conversations) {
        Tenant other = tenants.create("other-" + UUID.randomUUID().toString().substring(0, 8), "Other Co.", "en",
                "UTC");
        Customer customer = customers.visitor(other.tenantId(), UUID.randomUUID().toString(), "Olga", "en");
        return conversations.open(other.tenantId(), customer.id(), customer.name(), Channel.CHAT, null,
                "secret question of another company", null);
    }
}
