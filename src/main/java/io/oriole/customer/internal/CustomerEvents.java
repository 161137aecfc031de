package io.oriole.customer.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.micrometer.core.instrument.MeterRegistry;
import io.oriole.shared.events.ListenerExecutors;

/**
 * The threads this module's event listeners run on ({@code oriole.customer.events.*}, 1 by default); see
 * {@link ListenerExecutors}.
 */
@Configuration(proxyBeanMethods = false)
class CustomerEvents {

    /** The executor's bean name, for {@code @Async}. */
    static final String EXECUTOR = "customerEventExecutor";

    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor customerEventExecutor(Environment environment, MeterRegistry meters) {
        return ListenerExecutors.forModule("customer", 1, environment, meters);
    }
}
