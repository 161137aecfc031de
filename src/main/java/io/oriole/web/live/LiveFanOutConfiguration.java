package io.oriole.web.live;

import java.util.function.BiConsumer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.oriole.cluster.ClusterChannels;

/**
 * One node by default; with {@code oriole.redis.url} set (for example {@code redis://127.0.0.1:6379}), the nodes
 * behind a load balancer share live pushes over a cluster channel, so an agent on node A sees the customer who
 * writes through node B. Each push travels as its audience and payload; a node delivers what it publishes itself
 * and what the others publish, never its own echo.
 */
@Configuration(proxyBeanMethods = false)
class LiveFanOutConfiguration {

    /** What travels on the channel. {@code customer} is 0 unless the audience is one customer. */
    record Push(Audience.Kind kind, long tenant, long customer, String payload) {
    }

    @Bean
    LiveFanOut liveFanOut(ClusterChannels channels, @Value("${oriole.live.redis-channel:oriole:live}") String name) {
        if (!channels.clustered()) {
            return LiveFanOut.singleNode();
        }
        return new LiveFanOut() {
            private volatile BiConsumer<Audience, String> local = (audience, payload) -> {
            };
            private final ClusterChannels.Channel<Push> channel = channels.channel(name, Push.class, push -> {
                if (push.kind() != null && push.payload() != null) {
                    local.accept(new Audience(push.kind(), push.tenant(), push.customer()), push.payload());
                }
            });

            @Override
            public boolean clustered() {
                return true;
            }

            @Override
            public void publish(Audience audience, String payload) {
                channel.publish(new Push(audience.kind(), audience.tenantId(), audience.customerId(), payload));
            }

            @Override
            public void onRemote(BiConsumer<Audience, String> localDelivery) {
                this.local = localDelivery;
            }
        };
    }
}
