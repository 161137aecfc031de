package io.oriole.web.live;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live pushes between nodes over one Redis pub/sub channel. Each node publishes what it delivered locally, stamped
 * with its own node id, and delivers what the others publish; its own echo is dropped, so a socket hears a push
 * once. Redis keeps nothing: a node that is disconnected misses pushes (Lettuce reconnects and resubscribes), and its
 * clients catch up by re-fetching after their last sequence number, as after any dropped socket.
 *
 * <p>Deliveries from Redis run on one thread of their own, in arrival order, never on Lettuce's I/O thread, since a
 * slow browser may hold a send for up to the socket's send time limit.
 */
final class RedisLiveFanOut implements LiveFanOut, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisLiveFanOut.class);

    /** What travels on the channel. {@code customer} is 0 unless the audience is one customer. */
    record Envelope(String node, Audience.Kind kind, long tenant, long customer, String payload) {
    }

    private final String node = UUID.randomUUID().toString();
    private final String channel;
    private final JsonMapper json;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> publisher;
    private final StatefulRedisPubSubConnection<String, String> subscriber;
    private final ExecutorService deliveries = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "oriole-live-fan-out");
        t.setDaemon(true);
        return t;
    });
    private volatile BiConsumer<Audience, String> localDelivery = (audience, payload) -> {
    };

    RedisLiveFanOut(String redisUrl, String channel, JsonMapper json) {
        this.channel = channel;
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
            public void message(String from, String message) {
                if (channel.equals(from)) {
                    deliveries.execute(() -> receive(message));
                }
            }
        });
        subscriber.sync().subscribe(channel);
        log.info("live updates fan out over Redis channel {} as node {}", channel, node);
    }

    @Override
    public boolean clustered() {
        return true;
    }

    @Override
    public void publish(Audience audience, String payload) {
        String message = json.writeValueAsString(new Envelope(node, audience.kind(), audience.tenantId(),
                audience.customerId(), payload));
        publisher.async().publish(channel, message).exceptionally(failed -> {
            log.warn("live push not published to other nodes: {}", failed.toString());
            return 0L;
        });
    }

    @Override
    public void onRemote(BiConsumer<Audience, String> localDelivery) {
        this.localDelivery = localDelivery;
    }

    /** This node's id on the channel; a test posing as another node uses a different one. */
    String node() {
        return node;
    }

    private void receive(String message) {
        try {
            Envelope envelope = json.readValue(message, Envelope.class);
            if (node.equals(envelope.node()) || envelope.kind() == null || envelope.payload() == null) {
                return;
            }
            localDelivery.accept(new Audience(envelope.kind(), envelope.tenant(), envelope.customer()),
                    envelope.payload());
        }
        catch (RuntimeException malformed) {
            log.warn("ignoring a malformed live push from Redis: {}", malformed.toString());
        }
    }

    @Override
    public void close() {
        deliveries.shutdown();
        try {
            deliveries.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        subscriber.close();
        publisher.close();
        client.shutdown();
    }
}
