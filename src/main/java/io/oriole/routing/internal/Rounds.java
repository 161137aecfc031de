package io.oriole.routing.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most one routing round per tenant at a time on this node. A round reads the whole waiting line and every
 * online agent, so a round that starts after a change has committed serves every request made before it started:
 * callers that arrive while a round runs wait for the next one, which serves them all at once. Under a flood of
 * messages this turns one round per event into one round after another, with the same decisions, and it keeps two
 * routing threads of one node from deciding on the same snapshot (rounds on different nodes may still overlap;
 * the claims in {@code RoutingManagement} keep those safe).
 * <p>
 * Worked example: rounds are requested at t=0 (A), t=1 (B) and t=2 (C), and a round takes 5. A runs a round from 0
 * to 5 that covers only A. B and C wait; at 5 one of them runs a round from 5 to 10 that covers both, and the
 * other returns when it ends. Three requests, two rounds, and each caller returns only after a round that saw its
 * change.
 * <p>
 * A round that fails covers nobody: the next waiter runs its own.
 */
public final class Rounds {

    /** The work of one round; {@code lineChanged} is the union of the callers' flags it serves. */
    public interface Round {
        int run(boolean lineChanged);
    }

    private static final class State {
        long requested;
        long covered;
        boolean running;
        boolean lineChanged;
        int lastResult;
    }

    private final Map<Long, State> states = new ConcurrentHashMap<>();

    /**
     * Runs a round for the tenant, or waits for the one that will serve this request.
     *
     * @return what the serving round returned
     */
    public int run(long tenantId, boolean lineChanged, Round round) {
        State s = states.computeIfAbsent(tenantId, k -> new State());
        long start;
        boolean changed;
        synchronized (s) {
            long mine = ++s.requested;
            s.lineChanged |= lineChanged;
            for (;;) {
                if (s.covered >= mine) {
                    return s.lastResult;
                }
                if (!s.running) {
                    s.running = true;
                    start = s.requested;
                    changed = s.lineChanged;
                    s.lineChanged = false;
                    break;
                }
                try {
                    s.wait();
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 0;
                }
            }
        }
        boolean done = false;
        int result = 0;
        try {
            result = round.run(changed);
            done = true;
            return result;
        }
        finally {
            synchronized (s) {
                s.running = false;
                if (done) {
                    s.covered = Math.max(s.covered, start);
                    s.lastResult = result;
                }
                else {
                    s.lineChanged |= changed;
                }
                s.notifyAll();
            }
        }
    }
}
