package io.oriole.routing.internal;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.oriole.tenant.TenantData;
import io.oriole.tenant.TenantErasure;
import io.oriole.tenant.TenantId;

/** This module's rows of a deleted tenant. */
@Component
@Order(TenantErasure.DEPENDENT_DATA)
class RoutingTenantData implements TenantData {

    private final JdbcClient jdbc;

    RoutingTenantData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(TenantId tenant) {
        TenantData.deleteRows(jdbc, tenant, "routing_history", "routing_offer", "routing_decision", "routing_work", "routing_dedicated_agent", "routing_handling_time", "routing_agent", "routing_queue", "routing_settings");
    }
}
