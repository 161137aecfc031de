package io.oriole.routing;

import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.oriole.agent.Agent;
import io.oriole.agent.AgentManagement;
import io.oriole.agent.AgentManagement.AgentProfile;
import io.oriole.agent.Presence;
import io.oriole.agent.PresenceManagement;
import io.oriole.agent.Tier;
import io.oriole.conversation.Channel;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerKind;
import io.oriole.customer.CustomerManagement;
import io.oriole.customer.CustomerManagement.CustomerDetails;
import io.oriole.customer.VipTier;
import io.oriole.identity.Role;
import io.oriole.identity.UserManagement;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;
import io.oriole.triage.Category;
import io.oriole.triage.Complexity;
import io.oriole.triage.IntentMatch;
import io.oriole.triage.KeyFacts;
import io.oriole.triage.Language;
import io.oriole.triage.Priority;
import io.oriole.triage.PriorityLevel;
import io.oriole.triage.Sentiment;
import io.oriole.triage.TriageResult;
import io.oriole.triage.Urgency;

/** Builds a routing scenario through the modules' APIs: departments, agents, customers, conversations, triage. */
@TestComponent
public class RoutingFixture {

    private final TenantManagement tenants;
    private final UserManagement users;
    private final AgentManagement agents;
    private final PresenceManagement presence;
    private final CustomerManagement customers;
    private final ConversationManagement conversations;
    private final JdbcClient jdbc;

    RoutingFixture(TenantManagement tenants, UserManagement users, AgentManagement agents,
            PresenceManagement presence, CustomerManagement customers, ConversationManagement conversations,
            JdbcClient jdbc) {
        this.tenants = tenants;
        this.users = users;
        this.agents = agents;
        this.presence = presence;
        this.customers = customers;
        this.conversations = conversations;
        this.jdbc = jdbc;
    }

    public TenantId tenant() {
        TenantId t = tenants.create("r-" + UUID.randomUUID().toString().substring(0, 8), "Routing test", "zh-CN",
                "Asia/Shanghai").tenantId();
        for (String dept : List.of("technical", "billing", "after-sales", "pre-sales", "rnd")) {
            agents.createDepartment(t, dept, dept);
        }
        return t;
    }

    public Agent agent(TenantId t, String name, Tier tier, int capacity, Map<String, Integer> skills,
            String... departments) {
        return agent(t, name, Role.AGENT, tier, capacity, skills, departments);
    }

    public Agent agent(TenantId t, String name, Role role, Tier tier, int capacity, Map<String, Integer> skills,
            String... departments) {
        var user = users.create(t, name.toLowerCase().replace(' ', '.') + "@" + t.value() + ".test", name,
                "correct-horse-battery", role, "en");
        return agents.create(t, user.id(), new AgentProfile(name, tier, capacity, List.of("zh", "en"),
                Set.of(departments), skills));
    }

    public void online(TenantId t, Agent... online) {
        for (Agent a : online) {
            presence.heartbeat(t, a.id(), Presence.ONLINE);
        }
    }

    public Customer customer(TenantId t, String name, VipTier tier) {
        return customers.create(t, new CustomerDetails(tier == VipTier.NONE ? CustomerKind.PERSONAL
                : CustomerKind.ENTERPRISE, name, tier == VipTier.NONE ? null : name + " Ltd", null, null, tier, "zh-CN", null));
    }

    public Conversation conversation(TenantId t, Customer customer, String text) {
        return conversations.open(t, customer.id(), customer.name(), Channel.CHAT, null, text, null);
    }

    public static TriageResult triaged(PriorityLevel level, Category category, Urgency urgency) {
        return new TriageResult(Language.ZH, category, IntentMatch.none(), urgency, Sentiment.NEUTRAL,
                KeyFacts.none(), Complexity.LOW, new Priority(level, 0, List.of()));
    }

    /**
     * Waits until every event published so far has been handled (triage, routing's own listeners), so that a test's
     * next step is not overtaken by a listener still working on an earlier one.
     */
    public void settle() {
        await().until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL "
                + "AND (status IS NULL OR status <> 'FAILED')").query(Long.class).single() == 0);
    }

    public String workStatus(TenantId t, long conversationId) {
        return jdbc.sql("SELECT status FROM routing_work WHERE tenant_id = :t AND conversation_id = :c")
                .param("t", t.value()).param("c", conversationId).query(String.class).optional().orElse("NONE");
    }
}
