package io.oriole.bot.internal;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.oriole.tenant.TenantData;
import io.oriole.tenant.TenantErasure;
import io.oriole.tenant.TenantId;

/** This module's rows of a deleted tenant. */
@Component
@Order(TenantErasure.DEPENDENT_DATA)
class BotTenantData implements TenantData {

    private final JdbcClient jdbc;

    BotTenantData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(TenantId tenant) {
        TenantData.deleteRows(jdbc, tenant, "bot_turn", "bot_conversation", "bot_generative_settings", "bot_settings");
    }
}
