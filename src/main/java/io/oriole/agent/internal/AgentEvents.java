package io.oriole.agent.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.micrometer.core.instrument.MeterRegistry;
import io.oriole.shared.events.ListenerExecutors;

/** The threads this module's event listeners run on; see {@link ListenerExecutors}. */
@Configuration(proxyBeanMethods = false)
class AgentEvents {

    /** The executor's bean name, for {@code @Async}. */
    static final String EXECUTOR = "agentEventExecutor";

    /**
     * @param listenerThreads how many of this module's event deliveries run at once on a node
     * @param listenerQueue how many may wait; beyond that a delivery stays in the registry and is redelivered
     */
    @ConfigurationProperties("oriole.agent.events")
    record Settings(Integer listenerThreads, Integer listenerQueue) {

        Settings {
            listenerThreads = listenerThreads == null ? 1 : listenerThreads;
            listenerQueue = listenerQueue == null ? 50_000 : listenerQueue;
        }
    }

    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor agentEventExecutor(Settings settings, MeterRegistry meters) {
        return ListenerExecutors.create("agent", settings.listenerThreads(), settings.listenerQueue(), meters);
    }
}
