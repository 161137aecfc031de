package io.oriole.routing.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Routing's beans that have a fallback, and the scheduler that runs the offer scanner. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RoutingConfiguration {

    /** Replaced by the sla module's stored deadlines when that module provides a {@link DeadlineLookup}. */
    @Bean
    @ConditionalOnMissingBean(DeadlineLookup.class)
    DeadlineLookup priorityTargetDeadlines() {
        return new PriorityTargetDeadlines();
    }
}
