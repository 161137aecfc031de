package io.oriole;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;

import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

    /**
     * Spring Data JDBC quotes identifiers by default, and H2 and PostgreSQL disagree on the case of quoted names.
     * The migrations use plain lower-case, unquoted names, which both databases resolve the same way.
     */
    @Bean
    static BeanPostProcessor unquotedIdentifiers() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof RelationalMappingContext context) {
                    context.setForceQuote(false);
                }
                return bean;
            }
        };
    }

    /** Wraps the pool so that every request for a second connection by one thread is seen (see the class). */
    @Bean
    static BeanPostProcessor oneConnectionPerThread(ObjectProvider<ConnectionDiscipline.Settings> settings,
            ObjectProvider<MeterRegistry> meters) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource pool && !(bean instanceof ConnectionDiscipline)
                        && beanName.equals("dataSource")) {
                    ConnectionDiscipline.Settings s = settings.getIfAvailable(() -> new ConnectionDiscipline.Settings(null));
                    if (s.check().equals("off")) {
                        return bean;
                    }
                    return new ConnectionDiscipline(pool, s, meters.getObject());
                }
                return bean;
            }
        };
    }

    /** Start-up (schema migration) is done: from now on every thread holds at most one connection. */
    @Bean
    static ApplicationListener<ApplicationReadyEvent> watchConnectionsOnceStarted(ObjectProvider<DataSource> pool) {
        return ready -> {
            if (pool.getIfAvailable() instanceof ConnectionDiscipline discipline) {
                discipline.startWatching();
            }
        };
    }
}
