package io.oriole.platform;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import io.oriole.support.RequiresPostgres;
import io.oriole.web.api.ApiClient;

/** {@link TenantDeletionScenario} on a real PostgreSQL server, where the foreign keys are enforced the same way. */
@RequiresPostgres
@SpringBootTest(properties = { "oriole.demo.enabled=false", "oriole.data-dir=target/test-data",
        "oriole.platform.operator-token=" + TenantDeletionPostgresIntegrationTests.OPERATOR })
@AutoConfigureMockMvc
@Import(ApiClient.class)
class TenantDeletionPostgresIntegrationTests extends TenantDeletionScenario {

    static final String OPERATOR = "operator-secret-for-postgres-tests-42";

    @Override
    String operatorToken() {
        return OPERATOR;
    }
}
