package io.oriole.routing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.oriole.routing.Offer;
import io.oriole.routing.RoutingDecision;
import io.oriole.routing.RoutingHistoryEntry;
import io.oriole.routing.RoutingQueue;
import io.oriole.routing.RoutingSettings;

/**
 * SQL for routing. The two claims that keep routing correct under concurrency live here: {@link #claimWaiting}
 * ({@code FOR UPDATE SKIP LOCKED} on one waiting work row, so racing workers pass each other instead of queueing)
 * and {@link #lockAgent} (a blocking lock on the agent's mutex row, taken before the agent's load is counted).
 * Both statements mean the same on H2 2.x and PostgreSQL.
 */
@Component
public class RoutingStore {

    private static final String WORK_COLUMNS = "conversation_id, tenant_id, queue_code, status, priority, queued_at, "
            + "deadline, skills, min_tier, department, language, intent, expedite, preferred_agent_id, "
            + "preferred_until, weight, agent_id, assigned_at, supervisors_told, excluded_agents, directed";

    private final JdbcClient jdbc;
    private final WaitingLines lines;

    RoutingStore(JdbcClient jdbc, WaitingLines lines) {
        this.jdbc = jdbc;
        this.lines = lines;
    }

    // --- settings ---

    public RoutingSettings settings(long tenantId) {
        return jdbc.sql("SELECT policy, offer_timeout_s, auto_accept FROM routing_settings WHERE tenant_id = :t")
                .param("t", tenantId)
                .query((rs, n) -> new RoutingSettings(rs.getString(1), Duration.ofSeconds(rs.getInt(2)),
                        rs.getBoolean(3)))
                .optional().orElse(RoutingSettings.DEFAULTS);
    }

    public void saveSettings(long tenantId, RoutingSettings s) {
        int updated = jdbc.sql("UPDATE routing_settings SET policy = :p, offer_timeout_s = :o, auto_accept = :a "
                + "WHERE tenant_id = :t").param("p", s.policy()).param("o", (int) s.offerTimeout().toSeconds())
                .param("a", s.autoAccept()).param("t", tenantId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO routing_settings (tenant_id, policy, offer_timeout_s, auto_accept) "
                    + "VALUES (:t, :p, :o, :a)").param("t", tenantId).param("p", s.policy())
                    .param("o", (int) s.offerTimeout().toSeconds()).param("a", s.autoAccept()).update();
        }
    }

    // --- queues ---

    public List<RoutingQueue> queues(long tenantId) {
        return jdbc.sql("SELECT code, name, position, categories, intents, languages, segments, vip_tiers, channels, "
                + "skills, min_tier FROM routing_queue WHERE tenant_id = :t ORDER BY position, code")
                .param("t", tenantId)
                .query((rs, n) -> new RoutingQueue(rs.getString(1), rs.getString(2), rs.getInt(3), set(rs, 4),
                        set(rs, 5), set(rs, 6), set(rs, 7), set(rs, 8), set(rs, 9), set(rs, 10), rs.getString(11)))
                .list();
    }

    public void saveQueue(long tenantId, RoutingQueue q) {
        jdbc.sql("DELETE FROM routing_queue WHERE tenant_id = :t AND code = :c").param("t", tenantId)
                .param("c", q.code()).update();
        jdbc.sql("INSERT INTO routing_queue (tenant_id, code, name, position, categories, intents, languages, "
                + "segments, vip_tiers, channels, skills, min_tier) VALUES (:t, :code, :name, :pos, :cat, :intents, "
                + ":lang, :seg, :vip, :chan, :skills, :tier)").param("t", tenantId).param("code", q.code())
                .param("name", q.name()).param("pos", q.position()).param("cat", joinOrNull(q.categories()))
                .param("intents", joinOrNull(q.intents())).param("lang", joinOrNull(q.languages()))
                .param("seg", joinOrNull(q.segments())).param("vip", joinOrNull(q.vipTiers()))
                .param("chan", joinOrNull(q.channels())).param("skills", String.join(",", q.skills()))
                .param("tier", q.minTier()).update();
    }

    // --- work ---

    public Optional<WorkRow> work(long tenantId, long conversationId) {
        return jdbc.sql("SELECT " + WORK_COLUMNS + " FROM routing_work WHERE tenant_id = :t AND conversation_id = :c")
                .param("t", tenantId).param("c", conversationId).query(WORK).optional();
    }

    /** Blocking lock on one work row, for commands on a known conversation (accept, decline, transfer). */
    /** When the work row last changed: a move made after an assignment is newer than the news of it. */
    public Optional<Instant> workUpdatedAt(long tenantId, long conversationId) {
        return jdbc.sql("SELECT updated_at FROM routing_work WHERE tenant_id = :t AND conversation_id = :c")
                .param("t", tenantId).param("c", conversationId).query((rs, n) -> instant(rs, 1)).optional();
    }

    public Optional<WorkRow> lockWork(long tenantId, long conversationId) {
        return jdbc.sql("SELECT " + WORK_COLUMNS + " FROM routing_work WHERE tenant_id = :t AND conversation_id = :c "
                + "FOR UPDATE").param("t", tenantId).param("c", conversationId).query(WORK).optional();
    }

    /**
     * Claims a waiting work row for this transaction, or nothing when another worker holds it or it is no longer
     * waiting. Never waits for another worker.
     */
    public Optional<WorkRow> claimWaiting(long tenantId, long conversationId) {
        return jdbc.sql("SELECT " + WORK_COLUMNS + " FROM routing_work WHERE tenant_id = :t AND conversation_id = :c "
                + "AND status = 'WAITING' FOR UPDATE SKIP LOCKED").param("t", tenantId).param("c", conversationId)
                .query(WORK).optional();
    }

    public List<WorkRow> waiting(long tenantId) {
        return jdbc.sql("SELECT " + WORK_COLUMNS + " FROM routing_work WHERE tenant_id = :t AND status = 'WAITING' "
                + "ORDER BY queued_at, conversation_id").param("t", tenantId).query(WORK).list();
    }

    public List<Long> tenantsWithWaitingWork() {
        return jdbc.sql("SELECT DISTINCT tenant_id FROM routing_work WHERE status = 'WAITING'").query(Long.class)
                .list();
    }

    /** Inserts the row unless one exists for the conversation already; true when this call inserted it. */
    public boolean insertWork(WorkRow w, Instant now) {
        lines.changed(w.tenantId());
        return jdbc.sql("INSERT INTO routing_work (" + WORK_COLUMNS + ", updated_at) VALUES (:c, :t, :q, :s, :p, :queued, "
                + ":deadline, :skills, :tier, :dept, :lang, :intent, :exp, :pref, :prefUntil, :w, :agent, :assigned, "
                + ":told, :excluded, :directed, :now) ON CONFLICT DO NOTHING").param("c", w.conversationId()).param("t", w.tenantId())
                .param("q", w.queueCode()).param("s", w.status()).param("p", w.priority())
                .param("queued", ts(w.queuedAt())).param("deadline", ts(w.deadline()))
                .param("skills", String.join(",", w.skills())).param("tier", w.minTier())
                .param("dept", w.department()).param("lang", w.language()).param("intent", w.intent())
                .param("exp", w.expedite()).param("pref", w.preferredAgentId())
                .param("prefUntil", ts(w.preferredUntil())).param("w", w.weight()).param("agent", w.agentId())
                .param("assigned", ts(w.assignedAt())).param("told", w.supervisorsTold())
                .param("excluded", joinIds(w.excludedAgents())).param("directed", w.directed())
                .param("now", ts(now)).update() == 1;
    }

    /** Rewrites the facts of a work row (new triage, transfer target) without touching who holds it. */
    /** A waiting conversation's SLA deadline moved; work already offered or taken keeps its row as it is. */
    public int updateDeadline(long tenantId, long conversationId, Instant deadline, Instant now) {
        lines.changed(tenantId);
        return jdbc.sql("UPDATE routing_work SET deadline = :deadline, updated_at = :now WHERE tenant_id = :t "
                + "AND conversation_id = :c AND status = :waiting").param("deadline", ts(deadline))
                .param("now", ts(now)).param("t", tenantId).param("c", conversationId)
                .param("waiting", WorkRow.WAITING).update();
    }

    public void updateFacts(WorkRow w, Instant now) {
        lines.changed(w.tenantId());
        jdbc.sql("UPDATE routing_work SET queue_code = :q, priority = :p, deadline = :deadline, skills = :skills, "
                + "min_tier = :tier, department = :dept, language = :lang, intent = :intent, expedite = :exp, "
                + "preferred_agent_id = :pref, preferred_until = :prefUntil, weight = :w, directed = :directed, "
                + "updated_at = :now "
                + "WHERE tenant_id = :t AND conversation_id = :c").param("q", w.queueCode())
                .param("p", w.priority()).param("deadline", ts(w.deadline()))
                .param("skills", String.join(",", w.skills())).param("tier", w.minTier())
                .param("dept", w.department()).param("lang", w.language()).param("intent", w.intent())
                .param("exp", w.expedite()).param("pref", w.preferredAgentId())
                .param("prefUntil", ts(w.preferredUntil())).param("w", w.weight()).param("directed", w.directed())
                .param("now", ts(now)).param("t", w.tenantId()).param("c", w.conversationId()).update();
    }

    /** Moves a work row to {@code status}, held by {@code agentId} (null: nobody), only from {@code from}. */
    public boolean moveWork(long tenantId, long conversationId, String from, String status, Long agentId, Instant now) {
        lines.changed(tenantId);
        return jdbc.sql("UPDATE routing_work SET status = :s, agent_id = :a, updated_at = :now, assigned_at = "
                + "CASE WHEN :s = 'ASSIGNED' THEN :now ELSE assigned_at END WHERE tenant_id = :t "
                + "AND conversation_id = :c AND status = :from").param("s", status).param("a", agentId)
                .param("now", ts(now)).param("t", tenantId).param("c", conversationId).param("from", from)
                .update() == 1;
    }

    /** The conversation's owner, whatever the row's state was: routing now counts it on that agent. */
    public void setAssigned(long tenantId, long conversationId, long agentId, Instant now) {
        lines.changed(tenantId);
        jdbc.sql("UPDATE routing_work SET status = 'ASSIGNED', agent_id = :a, assigned_at = :now, updated_at = :now "
                + "WHERE tenant_id = :t AND conversation_id = :c").param("a", agentId).param("now", ts(now))
                .param("t", tenantId).param("c", conversationId).update();
    }

    /** Back in line, keeping its place ({@code queued_at} is unchanged), with new exclusions. */
    public void requeue(long tenantId, long conversationId, Set<Long> excluded, Instant now) {
        lines.changed(tenantId);
        jdbc.sql("UPDATE routing_work SET status = 'WAITING', agent_id = NULL, excluded_agents = :ex, "
                + "updated_at = :now WHERE tenant_id = :t AND conversation_id = :c").param("ex", joinIds(excluded))
                .param("now", ts(now)).param("t", tenantId).param("c", conversationId).update();
    }

    public void markSupervisorsTold(long tenantId, long conversationId, boolean told) {
        jdbc.sql("UPDATE routing_work SET supervisors_told = :told WHERE tenant_id = :t AND conversation_id = :c")
                .param("told", told).param("t", tenantId).param("c", conversationId).update();
    }

    public void setExcluded(long tenantId, long conversationId, Set<Long> excluded) {
        lines.changed(tenantId);
        jdbc.sql("UPDATE routing_work SET excluded_agents = :ex WHERE tenant_id = :t AND conversation_id = :c")
                .param("ex", joinIds(excluded)).param("t", tenantId).param("c", conversationId).update();
    }

    // --- agents ---

    /**
     * Locks the agent's mutex row, creating it first if needed. Whoever holds it may count the agent's load and
     * add to it; the next worker counts after this one commits.
     */
    public void lockAgent(long tenantId, long agentId) {
        jdbc.sql("INSERT INTO routing_agent (agent_id, tenant_id) VALUES (:a, :t) ON CONFLICT DO NOTHING")
                .param("a", agentId).param("t", tenantId).update();
        jdbc.sql("SELECT agent_id FROM routing_agent WHERE tenant_id = :t AND agent_id = :a FOR UPDATE")
                .param("t", tenantId).param("a", agentId).query(Long.class).single();
    }

    /** Capacity units an agent holds: work offered to them or assigned to them through routing. */
    public int load(long tenantId, long agentId) {
        return jdbc.sql("SELECT COALESCE(SUM(weight), 0) FROM routing_work WHERE tenant_id = :t AND agent_id = :a "
                + "AND status IN ('OFFERED', 'ASSIGNED')").param("t", tenantId).param("a", agentId)
                .query(Integer.class).single();
    }

    public Map<Long, Integer> loads(long tenantId) {
        return jdbc.sql("SELECT agent_id, SUM(weight) FROM routing_work WHERE tenant_id = :t AND agent_id IS NOT NULL "
                + "AND status IN ('OFFERED', 'ASSIGNED') GROUP BY agent_id").param("t", tenantId)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public Optional<Long> dedicatedAgent(long tenantId, long customerId) {
        return jdbc.sql("SELECT agent_id FROM routing_dedicated_agent WHERE tenant_id = :t AND customer_id = :c")
                .param("t", tenantId).param("c", customerId).query(Long.class).optional();
    }

    public void setDedicatedAgent(long tenantId, long customerId, Long agentId) {
        jdbc.sql("DELETE FROM routing_dedicated_agent WHERE tenant_id = :t AND customer_id = :c")
                .param("t", tenantId).param("c", customerId).update();
        if (agentId != null) {
            jdbc.sql("INSERT INTO routing_dedicated_agent (customer_id, tenant_id, agent_id) VALUES (:c, :t, :a)")
                    .param("c", customerId).param("t", tenantId).param("a", agentId).update();
        }
    }

    // --- offers ---

    public long insertOffer(long tenantId, long conversationId, long agentId, Instant now, Instant expiresAt) {
        jdbc.sql("INSERT INTO routing_offer (tenant_id, conversation_id, agent_id, status, offered_at, expires_at) "
                + "VALUES (:t, :c, :a, 'OFFERED', :now, :exp)").param("t", tenantId).param("c", conversationId)
                .param("a", agentId).param("now", ts(now)).param("exp", ts(expiresAt)).update();
        return jdbc.sql("SELECT MAX(id) FROM routing_offer WHERE tenant_id = :t AND conversation_id = :c "
                + "AND agent_id = :a AND status = 'OFFERED'").param("t", tenantId).param("c", conversationId)
                .param("a", agentId).query(Long.class).single();
    }

    public Optional<Offer> offer(long tenantId, long offerId) {
        return jdbc.sql("SELECT id, tenant_id, conversation_id, agent_id, status, offered_at, expires_at, decided_at, "
                + "reason FROM routing_offer WHERE tenant_id = :t AND id = :id").param("t", tenantId)
                .param("id", offerId).query(OFFER).optional();
    }

    public Optional<Offer> openOffer(long tenantId, long conversationId) {
        return jdbc.sql("SELECT id, tenant_id, conversation_id, agent_id, status, offered_at, expires_at, decided_at, "
                + "reason FROM routing_offer WHERE tenant_id = :t AND conversation_id = :c AND status = 'OFFERED'")
                .param("t", tenantId).param("c", conversationId).query(OFFER).optional();
    }

    public List<Offer> openOffersOf(long tenantId, long agentId) {
        return jdbc.sql("SELECT id, tenant_id, conversation_id, agent_id, status, offered_at, expires_at, decided_at, "
                + "reason FROM routing_offer WHERE tenant_id = :t AND agent_id = :a AND status = 'OFFERED' "
                + "ORDER BY offered_at, id").param("t", tenantId).param("a", agentId).query(OFFER).list();
    }

    /** Open offers of every tenant: the scanner checks each for expiry and for an agent who went away. */
    public List<Offer> openOffers() {
        return jdbc.sql("SELECT id, tenant_id, conversation_id, agent_id, status, offered_at, expires_at, decided_at, "
                + "reason FROM routing_offer WHERE status = 'OFFERED' ORDER BY expires_at, id").query(OFFER).list();
    }

    public boolean closeOffer(long tenantId, long offerId, Offer.Status status, String reason, Instant now) {
        return jdbc.sql("UPDATE routing_offer SET status = :s, decided_at = :now, reason = :r WHERE tenant_id = :t "
                + "AND id = :id AND status = 'OFFERED'").param("s", status.name()).param("now", ts(now))
                .param("r", reason).param("t", tenantId).param("id", offerId).update() == 1;
    }

    // --- decisions ---

    public void recordDecision(long tenantId, long conversationId, Long agentId, String outcome, String reasons,
            String policy, Instant now) {
        String text = reasons.length() > 2000 ? reasons.substring(0, 1999) + "…" : reasons;
        jdbc.sql("INSERT INTO routing_decision (tenant_id, conversation_id, agent_id, outcome, reasons, policy, "
                + "decided_at) VALUES (:t, :c, :a, :o, :r, :p, :now)").param("t", tenantId)
                .param("c", conversationId).param("a", agentId).param("o", outcome).param("r", text)
                .param("p", policy).param("now", ts(now)).update();
    }

    public List<RoutingDecision> decisions(long tenantId, Long conversationId, int limit) {
        String where = conversationId == null ? "" : " AND conversation_id = :c";
        var spec = jdbc.sql("SELECT id, conversation_id, agent_id, outcome, reasons, policy, decided_at "
                + "FROM routing_decision WHERE tenant_id = :t" + where + " ORDER BY decided_at DESC, id DESC LIMIT :l")
                .param("t", tenantId).param("l", limit);
        if (conversationId != null) {
            spec = spec.param("c", conversationId);
        }
        return spec.query((rs, n) -> new RoutingDecision(rs.getLong(1), rs.getLong(2), nullableLong(rs, 3),
                rs.getString(4), rs.getString(5), rs.getString(6), instant(rs, 7))).list();
    }

    // --- handling times ---

    public Map<String, Double> handlingSeconds(long tenantId, long agentId) {
        return jdbc.sql("SELECT intent, mean_seconds FROM routing_handling_time WHERE tenant_id = :t AND agent_id = :a")
                .param("t", tenantId).param("a", agentId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getDouble(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public List<HandlingSample> handlingTimes(long tenantId) {
        return jdbc.sql("SELECT agent_id, intent, mean_seconds, samples FROM routing_handling_time WHERE tenant_id = :t")
                .param("t", tenantId)
                .query((rs, n) -> new HandlingSample(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getInt(4)))
                .list();
    }

    public void saveHandlingTime(long tenantId, HandlingSample s) {
        int updated = jdbc.sql("UPDATE routing_handling_time SET mean_seconds = :m, samples = :n WHERE tenant_id = :t "
                + "AND agent_id = :a AND intent = :i").param("m", s.meanSeconds()).param("n", s.samples())
                .param("t", tenantId).param("a", s.agentId()).param("i", s.intent()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO routing_handling_time (tenant_id, agent_id, intent, mean_seconds, samples) "
                    + "VALUES (:t, :a, :i, :m, :n)").param("t", tenantId).param("a", s.agentId())
                    .param("i", s.intent()).param("m", s.meanSeconds()).param("n", s.samples()).update();
        }
    }

    public record HandlingSample(long agentId, String intent, double meanSeconds, int samples) {
    }

    // --- history, for the simulator ---

    /**
     * An agent took the conversation at {@code at}. Keeps the earliest: events may arrive out of order, and a
     * transfer later is not when the customer's wait ended.
     */
    public void recordTaken(long tenantId, long conversationId, long agentId, Instant at) {
        ensureHistory(tenantId, conversationId);
        jdbc.sql("UPDATE routing_history SET taken_at = :at, taken_by = :a WHERE tenant_id = :t "
                + "AND conversation_id = :c AND (taken_at IS NULL OR taken_at > :at)").param("at", ts(at))
                .param("a", agentId).param("t", tenantId).param("c", conversationId).update();
    }

    /** The conversation was resolved or closed at {@code at}; keeps the earliest. */
    public void recordFinished(long tenantId, long conversationId, Instant at) {
        ensureHistory(tenantId, conversationId);
        jdbc.sql("UPDATE routing_history SET finished_at = :at WHERE tenant_id = :t AND conversation_id = :c "
                + "AND (finished_at IS NULL OR finished_at > :at)").param("at", ts(at)).param("t", tenantId)
                .param("c", conversationId).update();
    }

    private void ensureHistory(long tenantId, long conversationId) {
        jdbc.sql("INSERT INTO routing_history (tenant_id, conversation_id) VALUES (:t, :c) ON CONFLICT DO NOTHING")
                .param("t", tenantId).param("c", conversationId).update();
    }

    /**
     * Finished conversations that joined the line from {@code from} (inclusive) to {@code to} (exclusive), by the
     * time they joined it. A live conversation's line facts (when, priority, queue) are routing_work's; imported
     * history carries its own.
     */
    public List<RoutingHistoryEntry> history(long tenantId, Instant from, Instant to) {
        return jdbc.sql("SELECT h.conversation_id, COALESCE(h.queued_at, w.queued_at) AS q, "
                + "COALESCE(h.priority, w.priority), COALESCE(h.queue_code, w.queue_code), h.taken_at, h.taken_by, "
                + "h.finished_at FROM routing_history h LEFT JOIN routing_work w ON w.tenant_id = h.tenant_id "
                + "AND w.conversation_id = h.conversation_id WHERE h.tenant_id = :t AND h.finished_at IS NOT NULL "
                + "AND COALESCE(h.queued_at, w.queued_at) >= :from AND COALESCE(h.queued_at, w.queued_at) < :to "
                + "ORDER BY q, h.id").param("t", tenantId).param("from", ts(from)).param("to", ts(to))
                .query((rs, n) -> new RoutingHistoryEntry(nullableLong(rs, 1), instant(rs, 2), rs.getInt(3),
                        rs.getString(4), instant(rs, 5), nullableLong(rs, 6), instant(rs, 7)))
                .list();
    }

    /** History of past conversations kept without a conversation row: imported, or the demo's seeded past. */
    public void insertImportedHistory(long tenantId, RoutingHistoryEntry e) {
        jdbc.sql("INSERT INTO routing_history (tenant_id, conversation_id, queued_at, priority, queue_code, taken_at, "
                + "taken_by, finished_at) VALUES (:t, NULL, :q, :p, :queue, :taken, :by, :finished)")
                .param("t", tenantId).param("q", ts(e.queuedAt())).param("p", e.priority())
                .param("queue", e.queue()).param("taken", ts(e.takenAt())).param("by", e.agentId())
                .param("finished", ts(e.finishedAt())).update();
    }

    public long importedHistoryCount(long tenantId) {
        return jdbc.sql("SELECT COUNT(*) FROM routing_history WHERE tenant_id = :t AND conversation_id IS NULL")
                .param("t", tenantId).query(Long.class).single();
    }

    // --- mapping ---

    private static final RowMapper<WorkRow> WORK = (rs, n) -> new WorkRow(rs.getLong(1), rs.getLong(2),
            rs.getString(3), rs.getString(4), rs.getInt(5), instant(rs, 6), instant(rs, 7), set(rs, 8),
            rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getBoolean(13),
            nullableLong(rs, 14), instant(rs, 15), rs.getInt(16), nullableLong(rs, 17), instant(rs, 18),
            rs.getBoolean(19), ids(rs.getString(20)), rs.getBoolean(21));

    private static final RowMapper<Offer> OFFER = (rs, n) -> new Offer(rs.getLong(1), rs.getLong(2), rs.getLong(3),
            rs.getLong(4), Offer.Status.valueOf(rs.getString(5)), instant(rs, 6), instant(rs, 7), instant(rs, 8),
            rs.getString(9));

    private static Set<String> set(ResultSet rs, int column) throws SQLException {
        String value = rs.getString(column);
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<Long> ids(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Long::valueOf)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String joinIds(Set<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String joinOrNull(Set<String> values) {
        return values.isEmpty() ? null : String.join(",", values);
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
