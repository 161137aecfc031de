package io.oriole.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.oriole.identity.ApiTokenManagement.IssuedToken;
import io.oriole.support.Fixtures;
import io.oriole.support.OrioleIntegrationTest;
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantManagement;

@OrioleIntegrationTest
class ApiTokenIntegrationTests {

    @Autowired
    ApiTokenManagement tokens;
    @Autowired
    UserManagement users;
    @Autowired
    TenantManagement tenants;
    @Autowired
    JdbcClient jdbc;

    Tenant tenant;
    User user;

    @BeforeEach
    void staffUser() {
        tenant = Fixtures.tenant(tenants);
        user = Fixtures.user(users, tenant, "integrator@example.com");
    }

    @Test
    void tokenIsStoredHashedAndTheDatabaseNeverHoldsThePlaintext() {
        IssuedToken issued = tokens.issue(tenant.tenantId(), user.id(), "CRM sync");

        Map<String, Object> row = jdbc.sql("SELECT * FROM api_token WHERE id = :id")
                .param("id", issued.token().id()).query().singleRow();
        assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value))
                .doesNotContain(issued.plaintext())
                .doesNotContain(issued.plaintext().substring(ApiTokenManagement.PREFIX.length())));
        assertThat((String) row.get("token_hash")).matches("[0-9a-f]{64}")
                .isEqualTo(ApiTokenManagement.sha256(issued.plaintext()));
        assertThat(issued.plaintext()).startsWith((String) row.get("token_prefix"));
    }

    @Test
    void issuedTokenAuthenticatesAsItsUser() {
        IssuedToken issued = tokens.issue(tenant.tenantId(), user.id(), "CRM sync");

        assertThat(tokens.authenticate(issued.plaintext())).hasValueSatisfying(principal -> {
            assertThat(principal.userId()).isEqualTo(user.id());
            assertThat(principal.tenantSlug()).isEqualTo(tenant.slug());
        });
        assertThat(tokens.authenticate(issued.plaintext() + "x")).isEmpty();
    }

    @Test
    void revokedTokenNoLongerAuthenticates() {
        IssuedToken issued = tokens.issue(tenant.tenantId(), user.id(), "CRM sync");

        tokens.revoke(tenant.tenantId(), issued.token().id());

        assertThat(tokens.authenticate(issued.plaintext())).isEmpty();
        assertThat(tokens.find(tenant.tenantId(), issued.token().id()).orElseThrow().active()).isFalse();
    }
}
