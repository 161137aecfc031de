package io.oriole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;


import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.oriole.conversation.Channel;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerManagement;
import io.oriole.support.Fixtures;
import io.oriole.support.RequiresPostgres;
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantManagement;

/** The schema and the event publication registry on a real PostgreSQL server. */
@RequiresPostgres
@SpringBootTest(properties = { "oriole.demo.enabled=false", "oriole.data-dir=target/test-data" })
class PostgresPlatformIntegrationTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TenantManagement tenants;
    @Autowired
    CustomerManagement customers;
    @Autowired
    ConversationManagement conversations;
    @Value("${oriole.test.postgres-schema}")
    String schema;

    @Test
    void flywayMigratesTheOwnSchemaOfThisTestClass() {
        assertThat(jdbc.sql("SELECT current_schema()").query(String.class).single()).isEqualTo(schema);
        assertThat(jdbc.sql("SELECT version, success FROM flyway_schema_history WHERE version = '1'")
                .query((rs, n) -> rs.getBoolean("success")).single()).isTrue();
        assertThat(jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = :s")
                .param("s", schema).query(String.class).list())
                .contains("tenant", "app_user", "api_token", "department", "agent", "agent_department",
                        "agent_skill", "customer", "conversation", "message", "conversation_participant",
                        "conversation_timeline", "event_publication");
    }

    @Test
    void eventPublicationRegistryCompletesPublicationsOnPostgres() {
        Tenant tenant = Fixtures.tenant(tenants);
        Customer customer = Fixtures.customer(customers, tenant, "王芳");

        Conversation conversation = conversations.open(tenant.tenantId(), customer.id(), customer.name(),
                Channel.CHAT, null, "订单什么时候发货？", null);

        await().untilAsserted(() -> {
            assertThat(customers.get(tenant.tenantId(), customer.id()).conversationCount()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
                    .query(Long.class).single()).isZero();
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NOT NULL "
                + "AND serialized_event LIKE :id").param("id", "%\"conversationId\":" + conversation.id() + ",%")
                .query(Long.class).single()).isPositive();
    }
}
