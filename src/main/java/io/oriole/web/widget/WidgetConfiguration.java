package io.oriole.web.widget;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;

@Configuration(proxyBeanMethods = false)
class WidgetConfiguration {

    @Bean
    VisitorTokens visitorTokens(TenantManagement tenants, Clock clock,
            @Value("${oriole.widget.token-ttl:30d}") Duration ttl,
            @Value("${oriole.widget.token-max-lifetime:90d}") Duration maxLifetime) {
        return new VisitorTokens(id -> tenants.findCached(new TenantId(id)).map(Tenant::widgetSecret), ttl,
                maxLifetime, clock);
    }

    @Bean
    WidgetLimits widgetLimits(WidgetLimits.Settings settings, Clock clock) {
        return new WidgetLimits(settings, clock);
    }
}
