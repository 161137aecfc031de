package io.oriole;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import io.oriole.archfixtures.ClockBypassingFixture;
import io.oriole.archfixtures.ConversationHelper;
import io.oriole.archfixtures.SharedExecutorListener;
import io.oriole.archfixtures.SleepingFixture;

/** Checks {@link ArchitectureRules} on the code, and proves on a bad fixture that each rule can fail. */
class ArchitectureTests {

    // JMH's generated harness (io.oriole.benchmarks.jmh_generated) is not our code and must sleep between iterations.
    // The load harness plays customers and agents in real time, so it waits between their messages.
    private static final ImportOption WITHOUT_FIXTURES = location -> !location.contains("/io/oriole/archfixtures/")
            && !location.contains("/jmh_generated/") && !location.contains("/io/oriole/benchmarks/load/");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.oriole");

    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .withImportOption(WITHOUT_FIXTURES)
            .importPackages("io.oriole");

    @Test
    void mainCodeReadsTimeOnlyFromTheClockBean() {
        ArchitectureRules.TIME_COMES_FROM_THE_CLOCK_BEAN.check(MAIN);
    }

    @Test
    void clockRuleFailsOnCodeThatCallsInstantNow() {
        assertViolation(ArchitectureRules.TIME_COMES_FROM_THE_CLOCK_BEAN, ClockBypassingFixture.class,
                "Instant.now()", "LocalDateTime.now()", "System.currentTimeMillis()", "Clock.systemUTC()");
    }

    @Test
    void clockRuleAcceptsNowWithAClock() {
        EvaluationResult result = ArchitectureRules.TIME_COMES_FROM_THE_CLOCK_BEAN
                .evaluate(new ClassFileImporter().importClasses(ClockBypassingFixture.class));
        assertThat(result.getFailureReport().getDetails())
                .noneMatch(line -> line.contains("Instant.now(java.time.Clock)"));
    }

    @Test
    void mainAndTestClassNamesSayPurpose() {
        ArchitectureRules.NAMES_SAY_PURPOSE.check(MAIN);
        ArchitectureRules.NAMES_SAY_PURPOSE.check(TESTS);
    }

    @Test
    void namingRuleFailsOnAHelperClass() {
        assertViolation(ArchitectureRules.NAMES_SAY_PURPOSE, ConversationHelper.class, "ConversationHelper");
    }

    @Test
    void testsNeverSleep() {
        ArchitectureRules.TESTS_NEVER_SLEEP.check(TESTS);
    }

    @Test
    void sleepRuleFailsOnATestThatSleeps() {
        assertViolation(ArchitectureRules.TESTS_NEVER_SLEEP, SleepingFixture.class, "Thread.sleep(long)");
    }

    @Test
    void everyListenerRunsOnItsModulesExecutor() {
        ArchitectureRules.LISTENERS_RUN_ON_THEIR_MODULES_EXECUTOR.check(MAIN);
    }

    @Test
    void listenerRuleFailsOnSharedExecutorsAndNotSupportedScopes() {
        assertViolation(ArchitectureRules.LISTENERS_RUN_ON_THEIR_MODULES_EXECUTOR, SharedExecutorListener.class,
                "SharedExecutorListener.on(java.lang.String) is not @Async on its module's executor",
                "SharedExecutorListener.onWithoutTransaction(java.lang.Integer) runs in a NOT_SUPPORTED scope");
    }

    private static void assertViolation(ArchRule rule, Class<?> fixture, String... expectedInReport) {
        EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(fixture));
        assertThat(result.hasViolation()).as("%s must violate: %s", fixture.getSimpleName(), rule.getDescription())
                .isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains(expectedInReport);
    }
}
