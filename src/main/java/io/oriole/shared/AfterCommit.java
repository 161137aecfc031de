package io.oriole.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a reaction once the current transaction has committed, and never after a rollback; without a transaction it
 * runs at once. For the few reactions that are local to this node and need no delivery guarantee (a live push, an
 * in-memory index, a session registry): unlike a {@code @TransactionalEventListener}, nothing is written to the event
 * publication registry, so the committing request never asks the pool for a second connection.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void run(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        }
        else {
            action.run();
        }
    }
}
