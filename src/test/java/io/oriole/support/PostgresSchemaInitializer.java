package io.oriole.support;

import java.sql.SQLException;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the context at a new schema {@code oriole_it_<epoch seconds>_<random>} on the test server, lets Flyway
 * create it, and drops it (with everything in it) when the context closes.
 */
class PostgresSchemaInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String schema = PostgresTestDatabase.newSchemaName();
        TestPropertyValues.of(
                "spring.datasource.url=" + PostgresTestDatabase.urlWithSchema(schema),
                "spring.datasource.username=" + PostgresTestDatabase.user(),
                "spring.datasource.password=" + PostgresTestDatabase.password(),
                "spring.flyway.schemas=" + schema,
                "spring.flyway.default-schema=" + schema,
                "oriole.test.postgres-schema=" + schema)
                .applyTo(context.getEnvironment());
        // Registered before any bean, so destroyed after all of them: the pool and the event publication
        // registry still use the schema while the context shuts down.
        if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
            registry.registerDisposableBean("orioleTestSchemaDrop", () -> drop(schema));
        }
        else {
            throw new IllegalStateException("cannot register the drop of test schema " + schema);
        }
    }

    private static void drop(String schema) {
        try (var connection = PostgresTestDatabase.connect()) {
            PostgresTestDatabase.dropSchema(connection, schema);
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + schema, e);
        }
    }
}
