package io.oriole.sla.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.micrometer.core.instrument.MeterRegistry;
import io.oriole.shared.events.ListenerExecutors;

/**
 * The threads this module's event listeners run on ({@code oriole.sla.events.*}, 2 by default); see
 * {@link ListenerExecutors}.
 */
@Configuration(proxyBeanMethods = false)
class SlaEvents {

    /** The executor's bean name, for {@code @Async}. */
    static final String EXECUTOR = "slaEventExecutor";

    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor slaEventExecutor(Environment environment, MeterRegistry meters) {
        return ListenerExecutors.forModule("sla", 2, environment, meters);
    }
}
