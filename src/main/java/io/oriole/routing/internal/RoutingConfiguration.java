package io.oriole.routing.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.oriole.sla.SlaManagement;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Routing's beans that have a fallback, and the scheduler that runs the offer scanner. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RoutingConfiguration {

    /** The SLA module's stored deadline, or a per-priority target when no policy covers the conversation. */
    @Bean
    DeadlineLookup deadlines(SlaManagement sla) {
        return new SlaDeadlines(sla, new PriorityTargetDeadlines());
    }
}
