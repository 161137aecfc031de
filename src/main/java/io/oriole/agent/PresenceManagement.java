package io.oriole.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.oriole.tenant.TenantId;

/**
 * Presence kept by the workspace's heartbeat (every ~20 s). It is computed, never timed: an agent whose last
 * heartbeat is older than {@code oriole.agent.presence-timeout} (60 s) is {@link Presence#OFFLINE} whatever was
 * stored, so a closed browser stops receiving work within a minute even if no scheduler runs.
 */
@Service
public class PresenceManagement {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration timeout;

    PresenceManagement(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
            @Value("${oriole.agent.presence-timeout:60s}") Duration timeout) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * The workspace is alive. {@code status} is what the agent chose with the toggle (null keeps the stored choice,
     * or ONLINE for an agent seen for the first time); returns the resulting presence.
     */
    @Transactional
    public Presence heartbeat(TenantId tenant, long agentId, Presence status) {
        Instant now = clock.instant();
        Presence before = presence(tenant, agentId);
        var stored = jdbc.sql("SELECT status FROM agent_presence WHERE tenant_id = :t AND agent_id = :a FOR UPDATE")
                .param("t", tenant.value()).param("a", agentId).query(String.class).optional();
        Presence chosen = status != null ? status : stored.map(Presence::valueOf).orElse(Presence.ONLINE);
        if (stored.isEmpty()) {
            requireAgent(tenant, agentId);
            jdbc.sql("INSERT INTO agent_presence (agent_id, tenant_id, status, last_seen_at, changed_at) "
                    + "VALUES (:a, :t, :s, :now, :now)").param("a", agentId).param("t", tenant.value())
                    .param("s", chosen.name()).param("now", ts(now)).update();
        }
        else {
            jdbc.sql("UPDATE agent_presence SET status = :s, last_seen_at = :now, "
                    + "changed_at = CASE WHEN status = :s THEN changed_at ELSE :now END "
                    + "WHERE tenant_id = :t AND agent_id = :a").param("s", chosen.name()).param("now", ts(now))
                    .param("t", tenant.value()).param("a", agentId).update();
        }
        if (before != chosen) {
            events.publishEvent(new AgentPresenceChanged(tenant.value(), agentId, before, chosen, now));
        }
        return chosen;
    }

    /** The agent signs out or closes the workspace on purpose. */
    @Transactional
    public void signOff(TenantId tenant, long agentId) {
        Presence before = presence(tenant, agentId);
        Instant now = clock.instant();
        int updated = jdbc.sql("UPDATE agent_presence SET status = 'OFFLINE', changed_at = :now "
                + "WHERE tenant_id = :t AND agent_id = :a").param("now", ts(now)).param("t", tenant.value())
                .param("a", agentId).update();
        if (updated > 0 && before != Presence.OFFLINE) {
            events.publishEvent(new AgentPresenceChanged(tenant.value(), agentId, before, Presence.OFFLINE, now));
        }
    }

    public Presence presence(TenantId tenant, long agentId) {
        return jdbc.sql("SELECT status, last_seen_at FROM agent_presence WHERE tenant_id = :t AND agent_id = :a")
                .param("t", tenant.value()).param("a", agentId)
                .query((rs, n) -> effective(Presence.valueOf(rs.getString(1)),
                        rs.getObject(2, java.time.OffsetDateTime.class).toInstant()))
                .optional().orElse(Presence.OFFLINE);
    }

    /** Every agent of the tenant with a presence other than OFFLINE, as of now. */
    public Map<Long, Presence> present(TenantId tenant) {
        Instant cutoff = clock.instant().minus(timeout);
        return jdbc.sql("SELECT agent_id, status FROM agent_presence WHERE tenant_id = :t AND last_seen_at > :cutoff "
                + "AND status <> 'OFFLINE'").param("t", tenant.value()).param("cutoff", ts(cutoff))
                .query((rs, n) -> Map.entry(rs.getLong(1), Presence.valueOf(rs.getString(2)))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The agents who take new work right now. */
    public Set<Long> online(TenantId tenant) {
        return present(tenant).entrySet().stream().filter(e -> e.getValue() == Presence.ONLINE)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    public Duration timeout() {
        return timeout;
    }

    private static java.time.OffsetDateTime ts(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }

    private Presence effective(Presence stored, Instant lastSeen) {
        return lastSeen.isAfter(clock.instant().minus(timeout)) ? stored : Presence.OFFLINE;
    }

    private void requireAgent(TenantId tenant, long agentId) {
        long n = jdbc.sql("SELECT COUNT(*) FROM agent WHERE tenant_id = :t AND id = :a").param("t", tenant.value())
                .param("a", agentId).query(Long.class).single();
        if (n == 0) {
            throw new IllegalArgumentException("unknown agent " + agentId);
        }
    }
}
