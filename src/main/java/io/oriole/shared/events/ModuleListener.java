package io.oriole.shared.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A listener that reacts to another module's event after it committed, on this module's own executor, in one short
 * transaction of its own: Spring Modulith's {@code @ApplicationModuleListener}, but on the named executor instead of
 * the one shared by every module (see {@link ListenerExecutors}).
 * <p>
 * A listener that runs its own transactions (several short steps, or slow work between them) uses
 * {@code @Async(EXECUTOR) @TransactionalEventListener} without a transaction around it: a surrounding
 * {@code NOT_SUPPORTED} or {@code NEVER} scope would keep the first connection it touches bound to the thread, and
 * the next transaction inside would take a second one.
 */
@Async
@Transactional(propagation = Propagation.REQUIRES_NEW)
@TransactionalEventListener
@Documented
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface ModuleListener {

    /** The bean name of the module's executor, for example {@code "slaEventExecutor"}. */
    @AliasFor(annotation = Async.class, attribute = "value")
    String value();
}
