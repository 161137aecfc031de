package io.oriole.bot.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.micrometer.core.instrument.MeterRegistry;
import io.oriole.shared.events.ListenerExecutors;

/**
 * The threads this module's event listeners run on ({@code oriole.bot.events.*}, 2 by default); see
 * {@link ListenerExecutors}.
 */
@Configuration(proxyBeanMethods = false)
class BotEvents {

    /** The executor's bean name, for {@code @Async}. */
    static final String EXECUTOR = "botEventExecutor";

    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor botEventExecutor(Environment environment, MeterRegistry meters) {
        return ListenerExecutors.forModule("bot", 2, environment, meters);
    }
}
