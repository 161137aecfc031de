package io.oriole.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import io.oriole.conversation.MessageReceived;
import io.oriole.tenant.TenantId;

/** Starts the triage module with its dependencies on an in-memory database. */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:triage;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "oriole.data-dir=target/test-data", "oriole.demo.enabled=false"})
class TriageIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TriageManagement triage;

    long tenantId;

    @BeforeEach
    void tenant() {
        jdbc.sql("DELETE FROM triage_result").update();
        tenantId = jdbc.sql("SELECT COUNT(*) FROM tenant WHERE slug = 'triage-test'").query(Long.class).single() > 0
                ? jdbc.sql("SELECT id FROM tenant WHERE slug = 'triage-test'").query(Long.class).single()
                : insertTenant();
    }

    @Test
    void customerMessageIsTriagedAfterIntakeAndAnnounced(Scenario scenario) {
        var received = new MessageReceived(tenantId, 7, 70, 1, 99, "你们系统全挂了，所有用户都登不上！！",
                Instant.parse("2026-11-23T09:00:00Z"));

        scenario.publish(received)
                .andWaitForEventOfType(ConversationTriaged.class)
                .matching(e -> e.messageId() == 70)
                .toArriveAndVerify(e -> {
                    assertThat(e.tenantId()).isEqualTo(tenantId);
                    assertThat(e.result().urgency()).isEqualTo(Urgency.SYSTEM_DOWN);
                    assertThat(e.result().language()).isEqualTo(Language.ZH);
                    assertThat(e.result().priority().explanation()).startsWith("P1: system down (+50)");
                });

        assertThat(jdbc.sql("SELECT priority_level FROM triage_result WHERE tenant_id = :t AND message_id = 70")
                .param("t", tenantId).query(String.class).single()).isEqualTo("P1");
        assertThat(triage.latest(new TenantId(tenantId), 7)).hasValueSatisfying(r -> {
            assertThat(r.priority().level()).isEqualTo(PriorityLevel.P1);
            assertThat(r.priority().explanation()).startsWith("P1: system down (+50)");
            assertThat(r.urgency()).isEqualTo(Urgency.SYSTEM_DOWN);
        });
        assertThat(triage.latest(new TenantId(tenantId + 1000), 7)).isEmpty();
    }

    private long insertTenant() {
        jdbc.sql("INSERT INTO tenant (slug, name, widget_secret, default_locale, time_zone, created_at) "
                + "VALUES ('triage-test', 'Triage test', 'secret', 'zh-CN', 'Asia/Shanghai', :at)")
                .param("at", Instant.parse("2026-11-23T00:00:00Z").atOffset(ZoneOffset.UTC)).update();
        return jdbc.sql("SELECT id FROM tenant WHERE slug = 'triage-test'").query(Long.class).single();
    }
}
