package io.oriole.archfixtures;

/**
 * A "test" that waits by sleeping. Not a JUnit class (no {@code @Test}), so nothing ever runs it.
 */
public class SleepingFixture {

    void waitForListener() throws InterruptedException {
        Thread.sleep(500);
    }
}
