package io.oriole.shared.events;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.transaction.event.TransactionalEventListener;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Measures every asynchronous event listener: {@code oriole.events.lag} is the time from the commit that published
 * the event to the listener starting (queueing on the module's executor), {@code oriole.events.handling} the time
 * the listener took, both tagged with the listener ({@code Class.method}) and published with p50/p95/p99. They are
 * what the load benchmark reads to show that one module's slow listener does not delay another's.
 */
@Configuration(proxyBeanMethods = false)
class ListenerMetrics {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor listenerTimings(org.springframework.beans.factory.ObjectProvider<MeterRegistry> meters) {
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
                new AnnotationMatchingPointcut(null, TransactionalEventListener.class, true),
                new Timing(meters));
        // After @Async has moved the call to the module's thread, before the registry marks the publication.
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }

    static final class Timing implements MethodInterceptor {

        private final org.springframework.beans.factory.ObjectProvider<MeterRegistry> meters;
        private final Map<Method, Timer[]> timers = new ConcurrentHashMap<>();

        Timing(org.springframework.beans.factory.ObjectProvider<MeterRegistry> meters) {
            this.meters = meters;
        }

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            Long submitted = ListenerExecutors.SUBMITTED_AT.get();
            if (submitted == null) {
                return invocation.proceed();
            }
            Timer[] pair = timers.computeIfAbsent(invocation.getMethod(), this::timersOf);
            long start = System.nanoTime();
            pair[0].record(Duration.ofNanos(start - submitted));
            try {
                return invocation.proceed();
            }
            finally {
                pair[1].record(Duration.ofNanos(System.nanoTime() - start));
            }
        }

        private Timer[] timersOf(Method method) {
            String listener = method.getDeclaringClass().getSimpleName() + "." + method.getName() + "("
                    + (method.getParameterCount() == 1 ? method.getParameterTypes()[0].getSimpleName() : "") + ")";
            MeterRegistry registry = meters.getObject();
            return new Timer[] {
                Timer.builder("oriole.events.lag").tag("listener", listener)
                        .description("from the commit that published an event to its listener starting")
                        .publishPercentiles(0.5, 0.95, 0.99).register(registry),
                Timer.builder("oriole.events.handling").tag("listener", listener)
                        .description("time an event listener took")
                        .publishPercentiles(0.5, 0.95, 0.99).register(registry) };
        }
    }
}
