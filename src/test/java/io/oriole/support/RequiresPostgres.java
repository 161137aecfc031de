package io.oriole.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring test class against a real PostgreSQL server, in a schema of its own that is created by Flyway
 * when the context starts and dropped when it closes, so runs never collide and leave nothing behind.
 * <p>
 * The server is {@code ORIOLE_TEST_PG_URL} (default {@value PostgresTestDatabase#DEFAULT_URL}) as
 * {@code ORIOLE_TEST_PG_USER} (default {@code postgres}, password {@code ORIOLE_TEST_PG_PASSWORD}). When it cannot
 * be reached the class is skipped with the reason, unless {@code ORIOLE_REQUIRE_ALL_SUITES=true} (CI), where the
 * skip becomes a failure. The context is discarded after the class, which is what drops the schema.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("postgres")
@ExtendWith(PostgresAvailableCondition.class)
@ContextConfiguration(initializers = PostgresSchemaInitializer.class)
@DirtiesContext
public @interface RequiresPostgres {
}
