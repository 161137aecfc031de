package io.oriole;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

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

    /**
     * Every after-commit listener runs on its module's executor and holds at most one connection at a time: it
     * names the executor in {@code @Async} (Spring Modulith's {@code @ApplicationModuleListener} runs on the one
     * executor all modules share), and it is not wrapped in a {@code NOT_SUPPORTED} or {@code NEVER} scope, which
     * keeps the first connection bound while an inner transaction takes a second.
     */
    static final ArchRule LISTENERS_RUN_ON_THEIR_MODULES_EXECUTOR = methods()
            .that().areMetaAnnotatedWith(TransactionalEventListener.class)
            .should(new ArchCondition<JavaMethod>("run on a named executor, one connection at a time") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    var reflected = method.reflect();
                    Async async = AnnotatedElementUtils.findMergedAnnotation(reflected, Async.class);
                    if (async == null || async.value().isBlank()) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName()
                                + " is not @Async on its module's executor"));
                    }
                    Transactional tx = AnnotatedElementUtils.findMergedAnnotation(reflected, Transactional.class);
                    if (tx != null && (tx.propagation() == Propagation.NOT_SUPPORTED
                            || tx.propagation() == Propagation.NEVER)) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName()
                                + " runs in a " + tx.propagation() + " scope"));
                    }
                }
            })
            .because("a listener must never need a second pooled connection, nor wait behind another module's");
}
