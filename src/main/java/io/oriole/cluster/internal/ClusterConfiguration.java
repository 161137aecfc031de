package io.oriole.cluster.internal;

import java.util.function.Consumer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.oriole.cluster.ClusterChanges;
import io.oriole.cluster.ClusterChannels;
import io.oriole.cluster.RemoteChange;
import tools.jackson.databind.json.JsonMapper;

/** One node unless {@code oriole.redis.url} is set. */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    @Bean
    ClusterChannels clusterChannels(@Value("${oriole.redis.url:}") String redisUrl, JsonMapper json) {
        if (!redisUrl.isBlank()) {
            return new RedisClusterChannels(redisUrl, json);
        }
        return new ClusterChannels() {
            @Override
            public boolean clustered() {
                return false;
            }

            @Override
            public <T> Channel<T> channel(String name, Class<T> type, Consumer<T> fromOtherNodes) {
                return message -> {
                };
            }
        };
    }

    /** Announced changes travel on their own channel and arrive as {@link RemoteChange} application events. */
    @Bean
    ClusterChanges clusterChanges(ClusterChannels channels,
            @Value("${oriole.cluster.channel:oriole:changes}") String channel, ApplicationEventPublisher events) {
        ClusterChannels.Channel<RemoteChange> changes = channels.channel(channel, RemoteChange.class,
                events::publishEvent);
        return new ClusterChanges() {
            @Override
            public void announce(RemoteChange change) {
                changes.publish(change);
            }

            @Override
            public boolean clustered() {
                return channels.clustered();
            }
        };
    }
}
