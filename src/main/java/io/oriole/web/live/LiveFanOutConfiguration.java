package io.oriole.web.live;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/**
 * One node by default; with {@code oriole.redis.url} set (for example {@code redis://127.0.0.1:6379}), the
 * nodes behind a load balancer share live pushes over Redis, so an agent on node A sees the customer who writes
 * through node B.
 */
@Configuration(proxyBeanMethods = false)
class LiveFanOutConfiguration {

    @Bean
    LiveFanOut liveFanOut(@Value("${oriole.redis.url:}") String redisUrl,
            @Value("${oriole.live.redis-channel:oriole:live}") String channel, JsonMapper json) {
        return redisUrl.isBlank() ? LiveFanOut.singleNode() : new RedisLiveFanOut(redisUrl, channel, json);
    }
}
