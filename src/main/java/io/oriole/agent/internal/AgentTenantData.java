package io.oriole.agent.internal;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.oriole.tenant.TenantData;
import io.oriole.tenant.TenantErasure;
import io.oriole.tenant.TenantId;

/** This module's rows of a deleted tenant. */
@Component
@Order(TenantErasure.STAFF)
class AgentTenantData implements TenantData {

    private final JdbcClient jdbc;

    AgentTenantData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(TenantId tenant) {
        TenantData.deleteRows(jdbc, tenant, "agent_presence", "agent_channel_weight", "agent_skill", "agent_department", "agent", "department");
    }
}
