package io.oriole.sla.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.micrometer.core.instrument.MeterRegistry;
import io.oriole.shared.events.ListenerExecutors;

/** The threads this module's event listeners run on; see {@link ListenerExecutors}. */
@Configuration(proxyBeanMethods = false)
class SlaEvents {

    /** The executor's bean name, for {@code @Async}. */
    static final String EXECUTOR = "slaEventExecutor";

    /**
     * @param listenerThreads how many of this module's event deliveries run at once on a node
     * @param listenerQueue how many may wait; beyond that a delivery stays in the registry and is redelivered
     */
    @ConfigurationProperties("oriole.sla.events")
    record Settings(Integer listenerThreads, Integer listenerQueue) {

        Settings {
            listenerThreads = listenerThreads == null ? 2 : listenerThreads;
            listenerQueue = listenerQueue == null ? 50_000 : listenerQueue;
        }
    }

    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor slaEventExecutor(Settings settings, MeterRegistry meters) {
        return ListenerExecutors.create("sla", settings.listenerThreads(), settings.listenerQueue(), meters);
    }
}
