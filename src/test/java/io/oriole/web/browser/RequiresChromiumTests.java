package io.oriole.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

class RequiresChromiumTests {

    @Test
    void runsWhenChromiumIsInstalled() {
        assertThat(RequiresChromium.evaluate(true, false).isDisabled()).isFalse();
        assertThat(RequiresChromium.evaluate(true, true).isDisabled()).isFalse();
    }

    @Test
    void skipsWithReasonWhenChromiumIsMissing() {
        var result = RequiresChromium.evaluate(false, false);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).contains("Chromium not installed");
    }

    @Test
    void failsWhenChromiumIsMissingButAllSuitesAreRequired() {
        assertThatIllegalStateException().isThrownBy(() -> RequiresChromium.evaluate(false, true))
                .withMessageContaining("Chromium not installed");
    }
}
