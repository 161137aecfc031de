package io.oriole.identity.internal;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.oriole.tenant.TenantData;
import io.oriole.tenant.TenantErasure;
import io.oriole.tenant.TenantId;

/** This module's rows of a deleted tenant. */
@Component
@Order(TenantErasure.ACCOUNTS)
class IdentityTenantData implements TenantData {

    private final JdbcClient jdbc;

    IdentityTenantData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(TenantId tenant) {
        TenantData.deleteRows(jdbc, tenant, "api_token", "app_user");
    }
}
