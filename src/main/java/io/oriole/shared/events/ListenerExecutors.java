package io.oriole.shared.events;

import java.util.concurrent.ThreadPoolExecutor;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Each module's event listeners run on an executor of their own, named after the module
 * ({@code @Async(TriageEvents.EXECUTOR)}): a slow listener of one module (triage embedding a long message, a model
 * retraining) queues behind its own kind only, and never delays routing, SLA clocks or the customer history. The
 * threads of all executors together stay well below the connection pool, and each listener holds at most one
 * connection at a time, so listeners can never starve the request path of connections.
 * <p>
 * Queues are bounded. A publication the queue cannot take stays incomplete in the event publication registry and is
 * resubmitted later (see {@code docs/adr/0006-listeners-and-connections.md}); the submitting thread never runs the
 * listener itself, because it still holds its own transaction's connection at that point.
 */
public final class ListenerExecutors {

    /** The submission time of the task this thread runs, so that {@link ListenerMetrics} can tell its lag. */
    static final ThreadLocal<Long> SUBMITTED_AT = new ThreadLocal<>();

    private ListenerExecutors() {
    }

    /**
     * How many of a module's event deliveries run at once on a node ({@code oriole.<module>.events.listener-threads})
     * and how many may wait for them ({@code …listener-queue}); beyond that a delivery stays in the registry and is
     * redelivered.
     */
    public record Settings(Integer listenerThreads, Integer listenerQueue) {
    }

    /**
     * The executor of one module's listeners, sized by {@code oriole.<module>.events.*} with the module's default
     * thread count (queue 50,000).
     */
    public static ThreadPoolTaskExecutor forModule(String module, int defaultThreads, Environment environment,
            MeterRegistry meters) {
        Settings settings = Binder.get(environment).bind("oriole." + module + ".events", Settings.class)
                .orElse(new Settings(null, null));
        return create(module, settings.listenerThreads() == null ? defaultThreads : settings.listenerThreads(),
                settings.listenerQueue() == null ? 50_000 : settings.listenerQueue(), meters);
    }

    public static ThreadPoolTaskExecutor create(String module, int threads, int queueCapacity, MeterRegistry meters) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix(module + "-events-");
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(queueCapacity);
        executor.setRejectedExecutionHandler(new ThreadPoolExecutor.AbortPolicy());
        executor.setTaskDecorator(stampSubmission());
        // On shutdown the queued work is left to the registry, which redelivers it on the next start; the running
        // listeners get a moment to finish so that the database is not closed under them.
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.setAwaitTerminationSeconds(10);
        // Shutdown order: the web server first finishes its in-flight requests (whose events still get a thread
        // here), then this executor stops and waits for its running listeners, and only then, once every lifecycle
        // phase is over, the connection pool and the database close.
        executor.setAcceptTasksAfterContextClose(true);
        executor.setPhase(WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE - 1);
        executor.initialize();
        Gauge.builder("oriole.events.queued", executor, e -> e.getThreadPoolExecutor().getQueue().size())
                .tag("module", module).description("event deliveries waiting for a listener thread")
                .register(meters);
        return executor;
    }

    private static TaskDecorator stampSubmission() {
        return task -> {
            long submitted = System.nanoTime();
            return () -> {
                SUBMITTED_AT.set(submitted);
                try {
                    task.run();
                }
                finally {
                    SUBMITTED_AT.remove();
                }
            };
        };
    }
}
