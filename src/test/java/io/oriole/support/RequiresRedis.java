package io.oriole.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the real Redis server at {@code ORIOLE_TEST_REDIS_URL} (default
 * {@value RedisAvailableCondition#DEFAULT_URL}). When it cannot be reached the class is skipped with the reason,
 * unless {@code ORIOLE_REQUIRE_ALL_SUITES=true} (CI), where the skip becomes a failure.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("redis")
@ExtendWith(RedisAvailableCondition.class)
public @interface RequiresRedis {
}
