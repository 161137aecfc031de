package io.oriole.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** The three outcomes of {@link RequiresPostgres}, without needing the server to be up or down. */
class PostgresAvailableConditionTests {

    private static final String REFUSED = "Connection to 127.0.0.1:5432 refused";

    @Test
    void reachableServerEnablesTheSuite() {
        assertThat(PostgresAvailableCondition.decide("", true).isDisabled()).isFalse();
        assertThat(PostgresAvailableCondition.decide("", false).isDisabled()).isFalse();
    }

    @Test
    void unreachableServerSkipsTheSuiteWithTheReason() {
        var result = PostgresAvailableCondition.decide(REFUSED, false);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("PostgreSQL unreachable").contains(REFUSED));
    }

    @Test
    void unreachableServerFailsTheSuiteWhenAllSuitesAreRequired() {
        assertThatThrownBy(() -> PostgresAvailableCondition.decide(REFUSED, true))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining(REFUSED)
                .hasMessageContaining("ORIOLE_REQUIRE_ALL_SUITES=true");
    }
}
