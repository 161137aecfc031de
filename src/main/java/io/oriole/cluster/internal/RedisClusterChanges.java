package io.oriole.cluster.internal;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.oriole.cluster.ClusterChanges;
import io.oriole.cluster.RemoteChange;
import tools.jackson.databind.json.JsonMapper;

/**
 * Announcements over one Redis pub/sub channel, stamped with this node's id so that its own echo is dropped.
 * Received changes are handed to the application, one at a time in arrival order, on a thread of their own: a
 * listener may re-read the database or re-embed an entry, which must not hold up Lettuce's I/O thread.
 */
final class RedisClusterChanges implements ClusterChanges, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisClusterChanges.class);

    /** What travels on the channel. */
    record Envelope(String node, String topic, long tenant, String key) {
    }

    private final String node = UUID.randomUUID().toString();
    private final String channel;
    private final JsonMapper json;
    private final Consumer<RemoteChange> local;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> publisher;
    private final StatefulRedisPubSubConnection<String, String> subscriber;
    private final ExecutorService receiving = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "oriole-cluster-changes");
        t.setDaemon(true);
        return t;
    });

    RedisClusterChanges(String redisUrl, String channel, JsonMapper json, Consumer<RemoteChange> local) {
        this.channel = channel;
        this.json = json;
        this.local = local;
        this.client = RedisClient.create(redisUrl);
        try {
            this.publisher = client.connect();
            this.subscriber = client.connectPubSub();
        }
        catch (RuntimeException unreachable) {
            client.shutdown();
            throw new IllegalStateException("oriole.redis.url is set but Redis at " + redisUrl
                    + " cannot be reached: " + unreachable.getMessage(), unreachable);
        }
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, String message) {
                if (channel.equals(from)) {
                    receiving.execute(() -> receive(message));
                }
            }
        });
        subscriber.sync().subscribe(channel);
    }

    @Override
    public void announce(RemoteChange change) {
        String message = json.writeValueAsString(new Envelope(node, change.topic(), change.tenantId(), change.key()));
        publisher.async().publish(channel, message).exceptionally(failed -> {
            log.warn("change {} not announced to other nodes: {}", change, failed.toString());
            return 0L;
        });
    }

    @Override
    public boolean clustered() {
        return true;
    }

    private void receive(String message) {
        try {
            Envelope envelope = json.readValue(message, Envelope.class);
            if (node.equals(envelope.node()) || envelope.topic() == null) {
                return;
            }
            local.accept(new RemoteChange(envelope.topic(), envelope.tenant(), envelope.key()));
        }
        catch (RuntimeException failed) {
            log.warn("a change announced by another node could not be applied: {}", failed.toString());
        }
    }

    @Override
    public void close() {
        receiving.shutdown();
        try {
            receiving.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        subscriber.close();
        publisher.close();
        client.shutdown();
    }
}
