package io.oriole.support;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * How long any test waits for an asynchronous effect (a listener, a push, a scanner) before it fails.
 *
 * <p>A deadline is not a delay: Awaitility returns as soon as the condition holds, so on a quiet machine
 * these tests take milliseconds. Awaitility's own default of 10 s failed on a clean clone while the machine
 * was busy (a listener that usually answers in 20 ms waited behind the JIT and another build), so every
 * wait in the suite shares one generous deadline. Registered for every test class through
 * {@code META-INF/services} and {@code junit.jupiter.extensions.autodetection.enabled}.
 */
public final class AsyncDeadlines implements BeforeAllCallback {

    public static final Duration DEADLINE = Duration.ofSeconds(90);
    static final Duration POLL = Duration.ofMillis(50);

    @Override
    public void beforeAll(ExtensionContext context) {
        Awaitility.setDefaultTimeout(DEADLINE);
        Awaitility.setDefaultPollInterval(POLL);
    }
}
