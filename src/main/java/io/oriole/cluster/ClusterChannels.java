package io.oriole.cluster;

import java.util.function.Consumer;

/**
 * Publish/subscribe channels between the nodes. A message published on one node reaches that channel's subscriber
 * on every other node, never on its own: each node has already acted on what it publishes. With one node (the
 * default) nothing is sent; with {@code oriole.redis.url} set the channels are Redis pub/sub channels.
 *
 * <p>Messages are records, sent as JSON objects with the sending node's id added as {@code "node"}. Delivery is at
 * most once and in order per channel, on a thread of the channel's own, so a subscriber may touch the database.
 */
public interface ClusterChannels {

    /** Whether other nodes may be listening. */
    boolean clustered();

    /** Subscribes this node to {@code name}; messages from other nodes are read as {@code type} and handed on. */
    <T> Channel<T> channel(String name, Class<T> type, Consumer<T> fromOtherNodes);

    /** Where this node publishes. */
    interface Channel<T> {

        void publish(T message);
    }
}
