package io.oriole.sla.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The SLA scanner and digest writer run on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SlaConfiguration {
}
