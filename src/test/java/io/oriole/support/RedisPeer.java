package io.oriole.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

/**
 * A test posing as another node on one cluster channel of the real Redis server: it hears everything published on
 * the channel and publishes raw messages as that node would.
 */
public final class RedisPeer implements AutoCloseable {

    private final String channel;
    private final RedisClient redis = RedisClient.create(RedisAvailableCondition.url());
    private final StatefulRedisConnection<String, String> publisher = redis.connect();
    private final StatefulRedisPubSubConnection<String, String> listener = redis.connectPubSub();
    private final List<String> heard = new CopyOnWriteArrayList<>();

    public RedisPeer(String channel) {
        this.channel = channel;
        listener.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, String message) {
                heard.add(message);
            }
        });
        listener.sync().subscribe(channel);
    }

    /** Every message published on the channel since this peer joined, the peer's own included. */
    public List<String> heard() {
        return heard;
    }

    public void publish(String message) {
        publisher.sync().publish(channel, message);
    }

    @Override
    public void close() {
        listener.close();
        publisher.close();
        redis.shutdown();
    }
}
