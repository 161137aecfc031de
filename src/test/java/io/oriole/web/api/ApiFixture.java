package io.oriole.web.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.oriole.agent.Agent;
import io.oriole.agent.AgentManagement;
import io.oriole.agent.AgentManagement.AgentProfile;
import io.oriole.agent.Tier;
import io.oriole.conversation.Channel;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerKind;
import io.oriole.customer.CustomerManagement;
import io.oriole.customer.CustomerManagement.CustomerDetails;
import io.oriole.customer.VipTier;
import io.oriole.identity.ApiTokenManagement;
import io.oriole.identity.Role;
import io.oriole.identity.User;
import io.oriole.identity.UserManagement;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;

/** Makes a small tenant through the modules' APIs: an admin, an agent with a profile, a customer, a conversation. */
@TestComponent
class ApiFixture {

    static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final TenantManagement tenants;
    private final UserManagement users;
    private final AgentManagement agents;
    private final ApiTokenManagement tokens;
    private final CustomerManagement customers;
    private final ConversationManagement conversations;
    private final JdbcClient jdbc;
    private final ApiClient api;

    ApiFixture(TenantManagement tenants, UserManagement users, AgentManagement agents, ApiTokenManagement tokens,
            CustomerManagement customers, ConversationManagement conversations, JdbcClient jdbc, ApiClient api) {
        this.api = api;
        this.tenants = tenants;
        this.users = users;
        this.agents = agents;
        this.tokens = tokens;
        this.customers = customers;
        this.conversations = conversations;
        this.jdbc = jdbc;
    }

    /** Ids and plaintext tokens of one test tenant. */
    record TenantSetup(TenantId id, long adminUserId, String adminToken, long agentUserId, long agentId,
            String agentToken, long customerId, long conversationId) {
    }

    TenantSetup tenant(String name) {
        String slug = name + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        TenantId t = tenants.create(slug, name, "en", "UTC").tenantId();
        agents.createDepartment(t, "support", "Support");
        agents.createDepartment(t, "billing", "Billing");
        User admin = users.create(t, "admin@" + slug + ".test", "Ada Admin", PASSWORD, Role.ADMIN, "en");
        User agentUser = users.create(t, "agent@" + slug + ".test", "Alex Agent", PASSWORD, Role.AGENT, "en");
        Agent agent = agents.create(t, agentUser.id(), new AgentProfile("Alex Agent", Tier.L1, 5, List.of("en"),
                Set.of("support"), Map.of("refunds", 3)));
        Customer customer = customers.create(t, new CustomerDetails(CustomerKind.PERSONAL, "Casey Customer", null,
                "casey@example.com", null, VipTier.NONE, "en", null));
        Conversation conversation = conversations.open(t, customer.id(), customer.name(), Channel.CHAT,
                "Where is my order?", "Where is my order 42?", null);
        return new TenantSetup(t, admin.id(), tokens.issue(t, admin.id(), "admin tests").plaintext(),
                agentUser.id(), agent.id(), tokens.issue(t, agentUser.id(), "agent tests").plaintext(),
                customer.id(), conversation.id());
    }

    /**
     * The same tenant as {@link #tenant}, but born the way a real one is: through the platform operator's
     * {@code POST /platform/v1/tenants}, which gives the first admin and that admin's token.
     */
    TenantSetup provisioned(String name) {
        String slug = name + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        ApiClient.Reply created = api.post(ApiIntegrationTest.OPERATOR_TOKEN, "/platform/v1/tenants", """
                {"slug": "%s", "name": "%s", "adminEmail": "admin@%s.test", "adminName": "Ada Admin",
                 "adminPassword": "%s"}""".formatted(slug, name, slug, PASSWORD));
        if (created.status() != 201) {
            throw new IllegalStateException("provisioning " + slug + " answered " + created.status() + ": "
                    + created.body());
        }
        TenantId t = new TenantId(created.body().path("tenant").path("id").asLong());
        agents.createDepartment(t, "support", "Support");
        agents.createDepartment(t, "billing", "Billing");
        User agentUser = users.create(t, "agent@" + slug + ".test", "Alex Agent", PASSWORD, Role.AGENT, "en");
        Agent agent = agents.create(t, agentUser.id(), new AgentProfile("Alex Agent", Tier.L1, 5, List.of("en"),
                Set.of("support"), Map.of("refunds", 3)));
        Customer customer = customers.create(t, new CustomerDetails(CustomerKind.PERSONAL, "Casey Customer", null,
                "casey@example.com", null, VipTier.NONE, "en", null));
        Conversation conversation = conversations.open(t, customer.id(), customer.name(), Channel.CHAT,
                "Where is my order?", "Where is my order 42?", null);
        return new TenantSetup(t, created.body().path("adminUserId").asLong(),
                created.body().path("adminApiToken").asString(), agentUser.id(), agent.id(),
                tokens.issue(t, agentUser.id(), "agent tests").plaintext(), customer.id(), conversation.id());
    }

    User user(TenantId tenant, String email, Role role) {
        return users.create(tenant, email, email, PASSWORD, role, "en");
    }

    String tokenFor(TenantId tenant, long userId) {
        return tokens.issue(tenant, userId, "extra").plaintext();
    }

    long rows(String table, TenantId tenant) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?").param(tenant.value())
                .query(Long.class).single();
    }
}
