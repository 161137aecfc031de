package io.oriole.agent.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.micrometer.core.instrument.MeterRegistry;
import io.oriole.shared.events.ListenerExecutors;

/**
 * The threads this module's event listeners run on ({@code oriole.agent.events.*}, 1 by default); see
 * {@link ListenerExecutors}.
 */
@Configuration(proxyBeanMethods = false)
class AgentEvents {

    /** The executor's bean name, for {@code @Async}. */
    static final String EXECUTOR = "agentEventExecutor";

    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor agentEventExecutor(Environment environment, MeterRegistry meters) {
        return ListenerExecutors.forModule("agent", 1, environment, meters);
    }
}
