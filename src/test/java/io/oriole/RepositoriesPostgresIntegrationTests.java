package io.oriole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.oriole.agent.Agent;
import io.oriole.agent.AgentDepartment;
import io.oriole.agent.AgentManagement;
import io.oriole.agent.AgentManagement.AgentProfile;
import io.oriole.agent.AgentSkill;
import io.oriole.agent.Department;
import io.oriole.agent.Tier;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerKind;
import io.oriole.customer.CustomerManagement;
import io.oriole.customer.CustomerManagement.CustomerDetails;
import io.oriole.customer.VipTier;
import io.oriole.customer.internal.CustomerRepository;
import io.oriole.identity.ApiTokenManagement;
import io.oriole.identity.Role;
import io.oriole.identity.User;
import io.oriole.identity.UserManagement;
import io.oriole.identity.internal.UserRepository;
import io.oriole.support.Fixtures;
import io.oriole.support.RequiresPostgres;
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;

/** The Spring Data JDBC repositories of customers, users, tokens and agents on PostgreSQL. */
@RequiresPostgres
@SpringBootTest(properties = { "oriole.demo.enabled=false", "oriole.data-dir=target/test-data" })
class RepositoriesPostgresIntegrationTests {

    private static final Instant T0 = Instant.parse("2026-11-18T01:00:00.123456Z");

    @Autowired
    TenantManagement tenants;
    @Autowired
    CustomerManagement customers;
    @Autowired
    CustomerRepository customerRepository;
    @Autowired
    UserManagement users;
    @Autowired
    UserRepository userRepository;
    @Autowired
    ApiTokenManagement tokens;
    @Autowired
    AgentManagement agents;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    Tenant tenant;
    TenantId t;

    @BeforeEach
    void newTenant() {
        tenant = Fixtures.tenant(tenants);
        t = tenant.tenantId();
    }

    @Test
    void customerConversationCountIsIncrementedOncePerConversation() {
        Customer customer = Fixtures.customer(customers, tenant, "刘洋");

        assertThat(customerRepository.recordConversation(t.value(), customer.id(), 10, T0)).isOne();
        assertThat(customerRepository.recordConversation(t.value(), customer.id(), 10, T0)).isZero();
        assertThat(customerRepository.recordConversation(t.value() + 1_000_000, customer.id(), 11, T0)).isZero();
        assertThat(customerRepository.recordConversation(t.value(), customer.id(), 11, T0.plusSeconds(60))).isOne();

        Customer read = customers.get(t, customer.id());
        assertThat(read.conversationCount()).isEqualTo(2);
        assertThat(read.lastConversationAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(read.isReturning()).isTrue();
    }

    @Test
    void customerUpdateNeverOverwritesTheConversationCount() {
        Customer customer = Fixtures.customer(customers, tenant, "刘洋");
        customerRepository.recordConversation(t.value(), customer.id(), 10, T0);

        customers.update(t, customer.id(), new CustomerDetails(CustomerKind.ENTERPRISE, "刘洋", "星河科技", null, null,
                VipTier.GOLD, "zh-CN", null));

        Customer read = customers.get(t, customer.id());
        assertThat(read.conversationCount()).isOne();
        assertThat(read.vipTier()).isEqualTo(VipTier.GOLD);
    }

    @Test
    void customersAreFoundByVisitorAndExternalIdAndPaged() {
        Customer visitor = customers.visitor(t, "visitor-1", "Guest", "en");
        Customer identified = customers.identified(t, "shop-42", "Olivia", "olivia@example.com", "en");

        assertThat(customers.visitor(t, "visitor-1", "Guest", "en").id()).isEqualTo(visitor.id());
        assertThat(customers.identified(t, "shop-42", null, null, "en").id()).isEqualTo(identified.id());
        assertThat(customers.list(t, 0, 1)).extracting(Customer::id).containsExactly(identified.id());
        assertThat(customers.list(t, 1, 1)).extracting(Customer::id).containsExactly(visitor.id());
        assertThat(customers.count(t)).isEqualTo(2);
    }

    /**
     * Two first contacts of one visitor race: the other insert is still uncommitted when this one looks and finds
     * nothing, then commits while this insert waits on the unique index. PostgreSQL aborts a transaction on its
     * first error, so the lookup after the duplicate key must not run in the failed transaction.
     */
    @Test
    void concurrentFirstContactOfOneVisitorYieldsOneCustomer() throws Exception {
        Customer customer;
        // The other transaction's raw connection is held by this thread; the count runs once it is returned.
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            int otherPid = backendPid(other);
            try (var insert = other.prepareStatement("INSERT INTO customer (tenant_id, kind, name, vip_tier, "
                    + "visitor_id, created_at) VALUES (?, 'PERSONAL', 'Guest', 'NONE', 'visitor-race', now())")) {
                insert.setLong(1, t.value());
                insert.executeUpdate();
            }
            ExecutorService thread = Executors.newSingleThreadExecutor();
            try {
                Future<Customer> contact = thread.submit(() -> customers.visitor(t, "visitor-race", "Guest", "en"));
                await().until(() -> isBlockedBy(otherPid));

                other.commit();

                customer = contact.get(10, TimeUnit.SECONDS);
            }
            finally {
                thread.shutdownNow();
            }
        }
        assertThat(customer.visitorId()).isEqualTo("visitor-race");
        assertThat(customers.count(t)).isOne();
    }

    @Test
    void usersArePagedAndKeepTheirLock() {
        User first = Fixtures.user(users, tenant, "a@example.com");
        User second = users.create(t, "B@Example.com", "B", Fixtures.PASSWORD, Role.SUPERVISOR, "zh-CN");
        userRepository.save(first.withFailedAttempt(5, T0));

        assertThat(users.findByEmail(t, "b@example.com")).hasValueSatisfying(u -> {
            assertThat(u.id()).isEqualTo(second.id());
            assertThat(u.role()).isEqualTo(Role.SUPERVISOR);
        });
        assertThat(users.list(t, 0, 10)).extracting(User::id).containsExactly(first.id(), second.id());
        assertThat(users.list(t, 1, 10)).extracting(User::id).containsExactly(second.id());
        assertThat(users.count(t)).isEqualTo(2);
        User locked = users.find(t, first.id()).orElseThrow();
        assertThat(locked.failedAttempts()).isEqualTo(5);
        assertThat(locked.lockedUntil()).isEqualTo(T0);
    }

    @Test
    void tokensAreStoredHashedAndRevocable() {
        User user = Fixtures.user(users, tenant, "api@example.com");
        var issued = tokens.issue(t, user.id(), "CRM");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE token_hash = :p OR token_prefix = :p")
                .param("p", issued.plaintext()).query(Long.class).single()).isZero();
        assertThat(tokens.authenticate(issued.plaintext())).isPresent();
        assertThat(tokens.find(t, issued.token().id()).orElseThrow().lastUsedAt()).isNotNull();

        tokens.revoke(t, issued.token().id());

        assertThat(tokens.authenticate(issued.plaintext())).isEmpty();
        assertThat(tokens.list(t, user.id())).singleElement().satisfies(token -> assertThat(token.active()).isFalse());
    }

    @Test
    void agentsKeepTheirDepartmentsAndSkillsAcrossUpdates() {
        agents.createDepartment(t, "technical", "技术支持");
        agents.createDepartment(t, "billing", "账务");
        User user = Fixtures.user(users, tenant, "chen@example.com");
        Agent created = agents.create(t, user.id(), new AgentProfile("陈静", Tier.L3, 6, List.of("zh", "en"),
                Set.of("technical", "billing"), Map.of("technical", 5, "billing", 3)));

        Agent read = agents.find(t, created.id()).orElseThrow();
        assertThat(read.departmentCodes()).containsExactlyInAnyOrder("technical", "billing");
        assertThat(read.skills()).extracting(AgentSkill::skill, AgentSkill::level)
                .containsExactlyInAnyOrder(tuple("technical", 5), tuple("billing", 3));
        assertThat(read.languageList()).containsExactly("zh", "en");

        agents.update(t, created.id(), new AgentProfile("陈静", Tier.L2, 4, List.of("zh"), Set.of("billing"),
                Map.of("billing", 4)));

        Agent updated = agents.findByUser(t, user.id()).orElseThrow();
        assertThat(updated.tier()).isEqualTo(Tier.L2);
        assertThat(updated.departments()).extracting(AgentDepartment::departmentCode).containsExactly("billing");
        assertThat(updated.skills()).extracting(AgentSkill::skill, AgentSkill::level)
                .containsExactly(tuple("billing", 4));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM agent_skill WHERE agent_id = :a").param("a", created.id())
                .query(Long.class).single()).isOne();
        assertThat(agents.departments(t)).extracting(Department::code).containsExactly("billing", "technical");
        assertThat(agents.list(t)).extracting(Agent::id).containsExactly(created.id());
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private boolean isBlockedBy(int pid) {
        return jdbc.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE :pid = ANY (pg_blocking_pids(pid))")
                .param("pid", pid).query(Long.class).single() > 0;
    }
}
