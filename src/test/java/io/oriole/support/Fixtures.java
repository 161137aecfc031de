package io.oriole.support;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.oriole.agent.Agent;
import io.oriole.agent.AgentManagement;
import io.oriole.agent.AgentManagement.AgentProfile;
import io.oriole.agent.Tier;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerKind;
import io.oriole.customer.CustomerManagement;
import io.oriole.customer.CustomerManagement.CustomerDetails;
import io.oriole.customer.VipTier;
import io.oriole.identity.Role;
import io.oriole.identity.User;
import io.oriole.identity.UserManagement;
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantManagement;

/**
 * Small factories for the rows most tests need. Each tenant gets a fresh slug, so tests sharing one database never
 * see each other's data.
 */
public final class Fixtures {

    public static final String PASSWORD = "correct-horse-battery";

    private Fixtures() {
    }

    public static Tenant tenant(TenantManagement tenants) {
        String slug = "t-" + UUID.randomUUID().toString().substring(0, 8);
        return tenants.create(slug, "Tenant " + slug, "zh-CN", "Asia/Shanghai");
    }

    public static Customer customer(CustomerManagement customers, Tenant tenant, String name) {
        return customers.create(tenant.tenantId(), new CustomerDetails(CustomerKind.PERSONAL, name, null,
                null, null, VipTier.NONE, "zh-CN", null));
    }

    public static User user(UserManagement users, Tenant tenant, String email) {
        return users.create(tenant.tenantId(), email, email, PASSWORD, Role.AGENT, "en");
    }

    public static Agent agent(UserManagement users, AgentManagement agents, Tenant tenant, String name) {
        User user = user(users, tenant, name.toLowerCase().replace(' ', '.') + "@example.com");
        return agents.create(tenant.tenantId(), user.id(),
                new AgentProfile(name, Tier.L1, 5, List.of("zh", "en"), Set.of(), Map.of()));
    }
}
