package io.oriole.agent;

import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.oriole.tenant.TenantId;

/**
 * How many capacity units one conversation takes, by channel: an agent with {@code maxConcurrent} 4 can hold four
 * chats, or two phone calls, or a call and two chats. Tenants may override the defaults per channel.
 */
@Service
public class CapacityWeights {

    /** A phone call needs the agent's full attention; written channels can be interleaved. */
    static final Map<String, Integer> DEFAULTS = Map.of("CHAT", 1, "EMAIL", 1, "API", 1, "ALERT", 1, "PHONE", 2);

    private final JdbcClient jdbc;

    CapacityWeights(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The weight of a conversation on {@code channel} (a channel name such as {@code CHAT} or {@code PHONE}). */
    public int weight(TenantId tenant, String channel) {
        String key = channel.toUpperCase(Locale.ROOT);
        return jdbc.sql("SELECT weight FROM agent_channel_weight WHERE tenant_id = :t AND channel = :c")
                .param("t", tenant.value()).param("c", key).query(Integer.class).optional()
                .orElse(DEFAULTS.getOrDefault(key, 1));
    }

    @Transactional
    public void set(TenantId tenant, String channel, int weight) {
        if (weight < 1 || weight > 10) {
            throw new IllegalArgumentException("weight must be between 1 and 10");
        }
        String key = channel.toUpperCase(Locale.ROOT);
        int updated = jdbc.sql("UPDATE agent_channel_weight SET weight = :w WHERE tenant_id = :t AND channel = :c")
                .param("w", weight).param("t", tenant.value()).param("c", key).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO agent_channel_weight (tenant_id, channel, weight) VALUES (:t, :c, :w)")
                    .param("t", tenant.value()).param("c", key).param("w", weight).update();
        }
    }
}
