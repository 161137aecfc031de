package io.oriole.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo tenant is seeded on the first start only; a restart runs the seeder again and must add nothing. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:oriole-demo-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "oriole.demo.enabled=true",
        "oriole.data-dir=target/test-data" })
class DemoDataIntegrationTests {

    @Autowired
    DemoData demoData;
    @Autowired
    JdbcClient jdbc;

    @Test
    void demoDataIsSeededOnceAndNotAgainOnRestart() {
        Map<String, Long> afterFirstStart = rowCounts();
        assertThat(afterFirstStart).containsEntry("tenant", 1L);
        assertThat(afterFirstStart.get("app_user")).isEqualTo(7);
        assertThat(afterFirstStart.get("conversation")).isEqualTo(4);

        demoData.run(new DefaultApplicationArguments());

        assertThat(rowCounts()).isEqualTo(afterFirstStart);
    }

    @Test
    void demoTenantHasABilingualKnowledgeBaseAndItsBotOn() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM knowledge_entry WHERE status = 'PUBLISHED'").query(Long.class)
                .single()).isGreaterThanOrEqualTo(40);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT language) FROM knowledge_entry").query(Long.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT category) FROM knowledge_entry").query(Long.class).single())
                .isGreaterThanOrEqualTo(6);
        assertThat(jdbc.sql("SELECT enabled FROM bot_settings").query(Boolean.class).single()).isTrue();
    }

    private Map<String, Long> rowCounts() {
        return Map.of(
                "tenant", count("tenant"),
                "app_user", count("app_user"),
                "agent", count("agent"),
                "customer", count("customer"),
                "conversation", count("conversation"),
                "message", count("message"));
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
