package io.oriole.cluster.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
import io.oriole.cluster.ClusterChannels;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Redis pub/sub with one connection to publish and one to subscribe for all channels of this node. Each message
 * carries this node's id so that its own echo is dropped. Lettuce reconnects and resubscribes by itself; what is
 * published while a node is disconnected is lost to it, which every subscriber here tolerates (live pushes are
 * followed by fetches, edits by re-reads on the next change or at start).
 */
final class RedisClusterChannels implements ClusterChannels, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisClusterChannels.class);

    private final String node = UUID.randomUUID().toString();
    private final JsonMapper json;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> publisher;
    private final StatefulRedisPubSubConnection<String, String> subscriber;
    private final Map<String, Receiver> receivers = new ConcurrentHashMap<>();
    private final List<ExecutorService> threads = new CopyOnWriteArrayList<>();

    /** One subscriber per channel, served in arrival order by a thread of its own. */
    private record Receiver(ExecutorService thread, Consumer<String> handler) {
    }

    RedisClusterChannels(String redisUrl, JsonMapper json) {
        this.json = json;
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
            public void message(String channel, String message) {
                Receiver receiver = receivers.get(channel);
                if (receiver != null) {
                    receiver.thread().execute(() -> receiver.handler().accept(message));
                }
            }
        });
        log.info("nodes share Redis at {}; this node is {}", redisUrl, node);
    }

    @Override
    public boolean clustered() {
        return true;
    }

    @Override
    public <T> Channel<T> channel(String name, Class<T> type, Consumer<T> fromOtherNodes) {
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "oriole-channel-" + name);
            t.setDaemon(true);
            return t;
        });
        threads.add(thread);
        if (receivers.putIfAbsent(name, new Receiver(thread, message -> receive(name, message, type,
                fromOtherNodes))) != null) {
            throw new IllegalStateException("channel " + name + " already has a subscriber on this node");
        }
        subscriber.sync().subscribe(name);
        return message -> {
            ObjectNode envelope = json.valueToTree(message);
            envelope.put("node", node);
            publisher.async().publish(name, json.writeValueAsString(envelope)).exceptionally(failed -> {
                log.warn("message on {} not published to other nodes: {}", name, failed.toString());
                return 0L;
            });
        };
    }

    private <T> void receive(String channel, String message, Class<T> type, Consumer<T> handler) {
        try {
            JsonNode tree = json.readTree(message);
            if (!(tree instanceof ObjectNode envelope) || node.equals(envelope.path("node").asString())) {
                return;
            }
            envelope.remove("node");
            handler.accept(json.treeToValue(envelope, type));
        }
        catch (RuntimeException failed) {
            log.warn("a message from another node on {} could not be handled: {}", channel, failed.toString());
        }
    }

    @Override
    public void close() {
        for (ExecutorService thread : threads) {
            thread.shutdown();
        }
        for (ExecutorService thread : threads) {
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        subscriber.close();
        publisher.close();
        client.shutdown();
    }
}
