package io.oriole.support;

import java.sql.SQLException;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a {@link RequiresPostgres} class when the server cannot be reached, or fails it when
 * {@code ORIOLE_REQUIRE_ALL_SUITES=true}. The server is probed once per test run; the first successful probe also
 * sweeps schemas that killed runs left behind.
 */
class PostgresAvailableCondition implements ExecutionCondition {

    static final String REQUIRE_ALL_SUITES = "ORIOLE_REQUIRE_ALL_SUITES";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PostgresAvailableCondition.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String problem = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("problem", key -> probe(), String.class);
        return decide(problem, "true".equalsIgnoreCase(System.getenv(REQUIRE_ALL_SUITES)));
    }

    /**
     * Enabled when there is no {@code problem}; otherwise skipped with the problem as the reason, or failed with
     * it when every suite is required.
     */
    static ConditionEvaluationResult decide(String problem, boolean requireAllSuites) {
        return decide("PostgreSQL", PostgresTestDatabase.url() + " as " + PostgresTestDatabase.user(), problem,
                requireAllSuites);
    }

    /**
     * The rule every external-service suite follows: enabled when the service answered ({@code problem} empty),
     * otherwise skipped with the reason, or failed when every suite is required.
     */
    static ConditionEvaluationResult decide(String service, String where, String problem, boolean requireAllSuites) {
        if (problem.isEmpty()) {
            return ConditionEvaluationResult.enabled(service + " reachable at " + where);
        }
        String reason = service + " unreachable at " + where + ": " + problem;
        if (requireAllSuites) {
            throw new ExtensionConfigurationException(reason + " (" + REQUIRE_ALL_SUITES + "=true forbids skipping)");
        }
        return ConditionEvaluationResult.disabled(reason);
    }

    /** The empty string when the server answers, otherwise why not. */
    private static String probe() {
        try (var connection = PostgresTestDatabase.connect()) {
            if (!connection.isValid(3)) {
                return "connection not valid";
            }
            PostgresTestDatabase.dropAbandonedSchemas(connection);
            return "";
        }
        catch (SQLException e) {
            return e.getMessage();
        }
    }
}
