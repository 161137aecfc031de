package io.oriole.platform;

import io.oriole.web.api.ApiIntegrationTest;

/** {@link TenantDeletionScenario} on the embedded H2 database in PostgreSQL mode. */
@ApiIntegrationTest
class TenantDeletionIntegrationTests extends TenantDeletionScenario {

    @Override
    String operatorToken() {
        return ApiIntegrationTest.OPERATOR_TOKEN;
    }
}
