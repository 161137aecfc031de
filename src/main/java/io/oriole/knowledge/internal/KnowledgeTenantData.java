package io.oriole.knowledge.internal;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.oriole.tenant.TenantData;
import io.oriole.tenant.TenantErasure;
import io.oriole.tenant.TenantId;

/** This module's rows of a deleted tenant. */
@Component
@Order(TenantErasure.DEPENDENT_DATA)
class KnowledgeTenantData implements TenantData {

    private final JdbcClient jdbc;

    KnowledgeTenantData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(TenantId tenant) {
        TenantData.deleteRows(jdbc, tenant, "knowledge_entry_version", "knowledge_entry", "knowledge_question");
    }
}
