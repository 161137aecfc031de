package io.oriole.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Starts the whole application on an in-memory H2 database in PostgreSQL mode, without demo data and with a
 * {@link MutableClock}. Every class carrying this annotation shares one cached context and one database, so each
 * test creates its own tenant and relies on tenant scoping for isolation, exactly as production does.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:oriole-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "oriole.demo.enabled=false",
        // The operator allows the fake generative endpoints on 127.0.0.1 (bot.FakeChatModelServer); every other
        // internal address stays refused.
        "oriole.outbound.allowed-hosts=127.0.0.1",
        "oriole.data-dir=target/test-data" })
@Import(MutableClockConfiguration.class)
public @interface OrioleIntegrationTest {
}
