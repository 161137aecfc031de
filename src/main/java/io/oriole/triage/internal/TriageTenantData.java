package io.oriole.triage.internal;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.oriole.tenant.TenantData;
import io.oriole.tenant.TenantErasure;
import io.oriole.tenant.TenantId;

/** This module's rows of a deleted tenant. */
@Component
@Order(TenantErasure.DEPENDENT_DATA)
class TriageTenantData implements TenantData {

    private final JdbcClient jdbc;

    TriageTenantData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(TenantId tenant) {
        TenantData.deleteRows(jdbc, tenant, "triage_result", "triage_intent_example", "triage_product", "triage_priority_weight", "triage_priority_override", "triage_resolution");
    }
}
