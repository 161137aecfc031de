package io.oriole.archfixtures;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.annotation.Propagation;

/** Breaks the listener rule twice: the shared default executor, and a NOT_SUPPORTED scope around a listener. */
public class SharedExecutorListener {

    @ApplicationModuleListener
    void on(String event) {
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void onWithoutTransaction(Integer event) {
    }
}
