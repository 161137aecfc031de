package io.oriole;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules of STYLE.md that a compiler can check. Each rule is checked against the code in
 * {@link ArchitectureTests} and shown to fail on a deliberately bad class in {@code io.oriole.archfixtures}.
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /**
     * Time comes from the {@link Clock} bean so that tests can move it; {@code now(clock)} is fine. Only the
     * application class, which defines that bean, may create the system clock.
     */
    static final ArchRule TIME_COMES_FROM_THE_CLOCK_BEAN = noClasses()
            .that().doNotHaveFullyQualifiedName(OrioleApplication.class.getName())
            .should().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .because("domain code reads time from the injected Clock bean (STYLE.md 8)");

    static final ArchRule NAMES_SAY_PURPOSE = noClasses()
            .should().haveSimpleNameEndingWith("Impl")
            .orShould().haveSimpleNameEndingWith("Helper")
            .orShould().haveSimpleNameEndingWith("Util")
            .orShould().haveSimpleNameEndingWith("Utils")
            .orShould().haveSimpleNameEndingWith("Manager")
            .because("names say purpose, not grab-bags (STYLE.md 7)");

    static final ArchRule TESTS_NEVER_SLEEP = noClasses()
            .should().callMethod(Thread.class, "sleep", long.class)
            .orShould().callMethod(Thread.class, "sleep", long.class, int.class)
            .orShould().callMethod(TimeUnit.class, "sleep", long.class)
            .because("tests move a MutableClock or wait with Awaitility, never sleep (STYLE.md 8)");
}
