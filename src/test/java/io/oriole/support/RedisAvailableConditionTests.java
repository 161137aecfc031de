package io.oriole.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** The three outcomes of {@link RequiresRedis}, without needing the server to be up or down. */
class RedisAvailableConditionTests {

    private static final String REFUSED = "Unable to connect to 127.0.0.1/<unresolved>:6379";

    @Test
    void reachableServerEnablesTheSuite() {
        assertThat(RedisAvailableCondition.decide("", true).isDisabled()).isFalse();
    }

    @Test
    void unreachableServerSkipsTheSuiteWithTheReason() {
        var result = RedisAvailableCondition.decide(REFUSED, false);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("Redis unreachable").contains(REFUSED));
    }

    @Test
    void unreachableServerFailsTheSuiteWhenAllSuitesAreRequired() {
        assertThatThrownBy(() -> RedisAvailableCondition.decide(REFUSED, true))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining(REFUSED)
                .hasMessageContaining("ORIOLE_REQUIRE_ALL_SUITES=true");
    }
}
