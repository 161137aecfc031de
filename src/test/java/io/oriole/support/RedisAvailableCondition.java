package io.oriole.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.lettuce.core.RedisClient;

/**
 * Skips a {@link RequiresRedis} class when Redis does not answer PING, or fails it when
 * {@code ORIOLE_REQUIRE_ALL_SUITES=true}. Probed once per test run.
 */
public class RedisAvailableCondition implements ExecutionCondition {

    static final String DEFAULT_URL = "redis://127.0.0.1:6379";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RedisAvailableCondition.class);

    /** The Redis server the tests use. */
    public static String url() {
        String url = System.getenv("ORIOLE_TEST_REDIS_URL");
        return url == null || url.isBlank() ? DEFAULT_URL : url;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String problem = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("problem", key -> probe(), String.class);
        return decide(problem, "true".equalsIgnoreCase(System.getenv(PostgresAvailableCondition.REQUIRE_ALL_SUITES)));
    }

    static ConditionEvaluationResult decide(String problem, boolean requireAllSuites) {
        return PostgresAvailableCondition.decide("Redis", url(), problem, requireAllSuites);
    }

    private static String probe() {
        RedisClient client = RedisClient.create(url());
        try (var connection = client.connect()) {
            return "PONG".equals(connection.sync().ping()) ? "" : "no PONG";
        }
        catch (RuntimeException e) {
            return e.getMessage();
        }
        finally {
            client.shutdown();
        }
    }
}
