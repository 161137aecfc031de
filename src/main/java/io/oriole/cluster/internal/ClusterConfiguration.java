package io.oriole.cluster.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.oriole.cluster.ClusterChanges;
import io.oriole.cluster.RemoteChange;
import tools.jackson.databind.json.JsonMapper;

/** One node unless {@code oriole.redis.url} is set. */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    @Bean
    ClusterChanges clusterChanges(@Value("${oriole.redis.url:}") String redisUrl,
            @Value("${oriole.cluster.channel:oriole:changes}") String channel, JsonMapper json,
            ApplicationEventPublisher events) {
        if (redisUrl.isBlank()) {
            return new ClusterChanges() {
                @Override
                public void announce(RemoteChange change) {
                }

                @Override
                public boolean clustered() {
                    return false;
                }
            };
        }
        return new RedisClusterChanges(redisUrl, channel, json, events::publishEvent);
    }
}
