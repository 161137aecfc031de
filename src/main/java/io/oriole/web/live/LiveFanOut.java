package io.oriole.web.live;

import java.util.function.BiConsumer;

/**
 * Carries live pushes between nodes. A browser's socket lives on one node, but the change it should hear about may
 * commit on any node; the committing node delivers to its own sockets and hands the push to the fan-out, which
 * delivers it on every other node.
 *
 * <p>A single node needs none of this ({@link #singleNode()}); several nodes share a cluster channel (Redis pub/sub,
 * see {@link LiveFanOutConfiguration}). Pushes carry no content, only "something changed" and an id, and clients
 * re-fetch through access-checked endpoints, so a push lost between nodes costs a delay, never a message.
 */
interface LiveFanOut {

    /** Whether other nodes may hold sockets: then customer pushes are addressed even with no local customer. */
    boolean clustered();

    /** Hands a push that was already delivered on this node to the other nodes. */
    void publish(Audience audience, String payload);

    /** Where pushes from other nodes go: this node's own sockets. Called once, by {@link LiveUpdates}. */
    void onRemote(BiConsumer<Audience, String> localDelivery);

    static LiveFanOut singleNode() {
        return new LiveFanOut() {
            @Override
            public boolean clustered() {
                return false;
            }

            @Override
            public void publish(Audience audience, String payload) {
            }

            @Override
            public void onRemote(BiConsumer<Audience, String> localDelivery) {
            }
        };
    }
}
