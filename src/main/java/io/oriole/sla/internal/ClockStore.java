package io.oriole.sla.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.oriole.agent.Tier;
import io.oriole.conversation.Channel;
import io.oriole.conversation.ConversationStatus;
import io.oriole.customer.CustomerKind;
import io.oriole.customer.VipTier;
import io.oriole.sla.MatchFacts;
import io.oriole.sla.SlaFactKind;
import io.oriole.sla.SlaMetric;
import io.oriole.sla.SlaRecord;
import io.oriole.sla.model.ConversationClock;
import io.oriole.sla.model.Deadlines;
import io.oriole.triage.Category;
import io.oriole.triage.PriorityLevel;
import io.oriole.triage.Urgency;

/**
 * The {@code sla_clock} and {@code sla_event} rows. Every query names its tenant, except the scanner's search for
 * due rows, which serves all tenants by design and hands each row on with its own tenant id.
 */
@Repository
class ClockStore {

    private static final String COLUMNS = "tenant_id, conversation_id, customer_id, channel, vip_tier, customer_kind,"
            + " priority, category, intent, urgency, policy_id, policy_name, assignee_agent_id, assignee_tier, status,"
            + " opened_at, first_response_at, last_reply_at, awaiting_since, response_cycle, reminders_sent,"
            + " resolution_start, resolution_cycle, paused_since, paused_seconds, escalation_level, l2_since, l3_since,"
            + " warned, breached, done, first_response_due, next_response_due, resolution_due, l2_join_due,"
            + " l3_join_due, earliest_due, next_action_at";

    private final JdbcClient jdbc;

    ClockStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ClockRow> lock(long tenantId, long conversationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sla_clock WHERE tenant_id = :t AND conversation_id = :c FOR UPDATE")
                .param("t", tenantId).param("c", conversationId).query(ClockStore::row).optional();
    }

    Optional<ClockRow> find(long tenantId, long conversationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sla_clock WHERE tenant_id = :t AND conversation_id = :c")
                .param("t", tenantId).param("c", conversationId).query(ClockStore::row).optional();
    }

    List<ClockRow> findAll(long tenantId, Collection<Long> conversationIds) {
        if (conversationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM sla_clock WHERE tenant_id = :t AND conversation_id IN (:ids)")
                .param("t", tenantId).param("ids", conversationIds).query(ClockStore::row).list();
    }

    /** Conversations whose clocks run (an earliest deadline exists), soonest first. */
    List<ClockRow> running(long tenantId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sla_clock WHERE tenant_id = :t AND earliest_due IS NOT NULL"
                + " ORDER BY earliest_due LIMIT :n").param("t", tenantId).param("n", limit).query(ClockStore::row).list();
    }

    List<Long> activeConversations(long tenantId) {
        return jdbc.sql("SELECT conversation_id FROM sla_clock WHERE tenant_id = :t AND status IN ('OPEN', 'PENDING',"
                + " 'WAITING_ON_CUSTOMER')").param("t", tenantId).query(Long.class).list();
    }

    /** Inserts a new clock unless another thread did first. */
    void insertIfAbsent(ClockRow r, Instant now) {
        jdbc.sql("INSERT INTO sla_clock (" + COLUMNS + ", updated_at) VALUES (:t, :c, :customer, :channel, :vip,"
                + " :kind, :priority, :category, :intent, :urgency, :policyId, :policyName, :assignee, :tier, :status,"
                + " :openedAt, :firstResponseAt, :lastReplyAt, :awaitingSince, :responseCycle, :reminders,"
                + " :resolutionStart, :resolutionCycle, :pausedSince, :pausedSeconds, :level, :l2Since, :l3Since,"
                + " :warned, :breached, :done, :frDue, :nrDue, :resDue, :l2Due, :l3Due, :earliest, :next, :now)"
                + " ON CONFLICT DO NOTHING").paramSource(params(r, now)).update();
    }

    void update(ClockRow r, Instant now) {
        jdbc.sql("UPDATE sla_clock SET vip_tier = :vip, customer_kind = :kind, priority = :priority,"
                + " category = :category, intent = :intent, urgency = :urgency, policy_id = :policyId,"
                + " policy_name = :policyName, assignee_agent_id = :assignee, assignee_tier = :tier, status = :status,"
                + " first_response_at = :firstResponseAt, last_reply_at = :lastReplyAt,"
                + " awaiting_since = :awaitingSince, response_cycle = :responseCycle, reminders_sent = :reminders,"
                + " resolution_start = :resolutionStart, resolution_cycle = :resolutionCycle,"
                + " paused_since = :pausedSince, paused_seconds = :pausedSeconds, escalation_level = :level,"
                + " l2_since = :l2Since, l3_since = :l3Since, warned = :warned, breached = :breached, done = :done,"
                + " first_response_due = :frDue, next_response_due = :nrDue, resolution_due = :resDue,"
                + " l2_join_due = :l2Due, l3_join_due = :l3Due, earliest_due = :earliest, next_action_at = :next,"
                + " updated_at = :now WHERE tenant_id = :t AND conversation_id = :c").paramSource(params(r, now))
                .update();
    }

    /** A due row, locked for this transaction; rows other nodes hold are skipped, not waited for. */
    record Due(long tenantId, long conversationId, Instant nextActionAt) {
    }

    Optional<Due> claimNextDue(Instant now) {
        return jdbc.sql("SELECT tenant_id, conversation_id, next_action_at FROM sla_clock WHERE next_action_at <= :now"
                + " ORDER BY next_action_at LIMIT 1 FOR UPDATE SKIP LOCKED").param("now", ts(now))
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), instant(rs, 3))).optional();
    }

    void postpone(long tenantId, long conversationId, Instant until) {
        jdbc.sql("UPDATE sla_clock SET next_action_at = :u WHERE tenant_id = :t AND conversation_id = :c")
                .param("u", ts(until)).param("t", tenantId).param("c", conversationId).update();
    }

    /** Records a fact unless it is recorded already; true when this call recorded it. */
    boolean insertEvent(long tenantId, long conversationId, SlaFactKind kind, SlaMetric metric, int cycle, int seq,
            Instant deadline, Boolean met, PriorityLevel priority, String policyName, Long assignee, Tier targetTier,
            Instant at) {
        return jdbc.sql("INSERT INTO sla_event (tenant_id, conversation_id, kind, metric, cycle, seq, deadline, met,"
                + " priority, policy_name, assignee_agent_id, target_tier, occurred_at) VALUES (:t, :c, :kind, :metric,"
                + " :cycle, :seq, :deadline, :met, :priority, :policy, :assignee, :tier, :at) ON CONFLICT DO NOTHING")
                .param("t", tenantId).param("c", conversationId).param("kind", kind.name())
                .param("metric", metric == null ? "NONE" : metric.name()).param("cycle", cycle).param("seq", seq)
                .param("deadline", ts(deadline)).param("met", met).param("priority", name(priority))
                .param("policy", policyName).param("assignee", assignee).param("tier", name(targetTier))
                .param("at", ts(at)).update() == 1;
    }

    List<SlaRecord> events(long tenantId, long conversationId) {
        return jdbc.sql("SELECT id, conversation_id, kind, metric, cycle, seq, deadline, met, priority, policy_name,"
                + " assignee_agent_id, target_tier, occurred_at FROM sla_event WHERE tenant_id = :t"
                + " AND conversation_id = :c ORDER BY occurred_at, id").param("t", tenantId).param("c", conversationId)
                .query(ClockStore::record).list();
    }

    List<SlaRecord> eventsBetween(long tenantId, Instant from, Instant to) {
        return jdbc.sql("SELECT id, conversation_id, kind, metric, cycle, seq, deadline, met, priority, policy_name,"
                + " assignee_agent_id, target_tier, occurred_at FROM sla_event WHERE tenant_id = :t"
                + " AND occurred_at >= :from AND occurred_at < :to AND kind IN ('FULFILLED', 'BREACHED')"
                + " ORDER BY id").param("t", tenantId).param("from", ts(from)).param("to", ts(to))
                .query(ClockStore::record).list();
    }

    /** The fulfilments of the given deadlines, whenever they happened, to tell "breached, then late" apart. */
    Set<String> fulfilledKeys(long tenantId, Collection<Long> conversationIds) {
        if (conversationIds.isEmpty()) {
            return Set.of();
        }
        return jdbc.sql("SELECT conversation_id, metric, cycle FROM sla_event WHERE tenant_id = :t"
                + " AND kind = 'FULFILLED' AND conversation_id IN (:ids)").param("t", tenantId)
                .param("ids", conversationIds).query((rs, n) -> rs.getLong(1) + "/" + rs.getString(2) + "/"
                        + rs.getInt(3)).set();
    }

    long countSince(long tenantId, SlaFactKind kind, Instant from, Instant to) {
        return jdbc.sql("SELECT COUNT(*) FROM sla_event WHERE tenant_id = :t AND kind = :k AND occurred_at > :from"
                + " AND occurred_at <= :to").param("t", tenantId).param("k", kind.name()).param("from", ts(from))
                .param("to", ts(to)).query(Long.class).single();
    }

    Map<Long, Long> breachesByOwnerSince(long tenantId, Instant from, Instant to) {
        return jdbc.sql("SELECT assignee_agent_id, COUNT(*) FROM sla_event WHERE tenant_id = :t AND kind = 'BREACHED'"
                + " AND occurred_at > :from AND occurred_at <= :to AND assignee_agent_id IS NOT NULL"
                + " GROUP BY assignee_agent_id").param("t", tenantId).param("from", ts(from)).param("to", ts(to))
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    List<Long> tenantsWithClocks() {
        return jdbc.sql("SELECT DISTINCT tenant_id FROM sla_clock").query(Long.class).list();
    }

    // --- mapping ---

    private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(ClockRow r, Instant now) {
        ConversationClock.Snapshot s = r.clock();
        Deadlines d = r.deadlines();
        MatchFacts f = r.facts();
        var p = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource();
        p.addValue("t", r.tenantId()).addValue("c", r.conversationId()).addValue("customer", r.customerId())
                .addValue("channel", f.channel().name()).addValue("vip", f.vipTier().name())
                .addValue("kind", f.customerKind().name()).addValue("priority", name(f.priority()))
                .addValue("category", name(f.category())).addValue("intent", f.intent())
                .addValue("urgency", name(f.urgency())).addValue("policyId", r.policyId())
                .addValue("policyName", r.policyName()).addValue("assignee", r.assigneeAgentId())
                .addValue("tier", name(s.assigneeTier())).addValue("status", s.status().name())
                .addValue("openedAt", ts(s.openedAt())).addValue("firstResponseAt", ts(s.firstResponseAt()))
                .addValue("lastReplyAt", ts(s.lastReplyAt())).addValue("awaitingSince", ts(s.awaitingSince()))
                .addValue("responseCycle", s.responseCycle()).addValue("reminders", s.remindersSent())
                .addValue("resolutionStart", ts(s.resolutionStart())).addValue("resolutionCycle", s.resolutionCycle())
                .addValue("pausedSince", ts(s.pausedSince())).addValue("pausedSeconds", s.pausedWorking().toSeconds())
                .addValue("level", s.escalationLevel()).addValue("l2Since", ts(s.l2Since()))
                .addValue("l3Since", ts(s.l3Since())).addValue("warned", join(s.warned()))
                .addValue("breached", join(s.breached())).addValue("done", join(s.done()))
                .addValue("frDue", ts(d.due(SlaMetric.FIRST_RESPONSE)))
                .addValue("nrDue", ts(d.due(SlaMetric.NEXT_RESPONSE)))
                .addValue("resDue", ts(d.due(SlaMetric.RESOLUTION))).addValue("l2Due", ts(d.due(SlaMetric.L2_JOIN)))
                .addValue("l3Due", ts(d.due(SlaMetric.L3_JOIN))).addValue("earliest", ts(d.earliest()))
                .addValue("next", ts(d.nextActionAt())).addValue("now", ts(now));
        return p;
    }

    private static ClockRow row(ResultSet rs, int n) throws SQLException {
        MatchFacts facts = new MatchFacts(enumOf(PriorityLevel.class, rs.getString("priority")),
                VipTier.valueOf(rs.getString("vip_tier")), CustomerKind.valueOf(rs.getString("customer_kind")),
                Channel.valueOf(rs.getString("channel")), enumOf(Category.class, rs.getString("category")),
                rs.getString("intent"), enumOf(Urgency.class, rs.getString("urgency")));
        var snapshot = new ConversationClock.Snapshot(instant(rs, "opened_at"),
                ConversationStatus.valueOf(rs.getString("status")), instant(rs, "first_response_at"),
                instant(rs, "last_reply_at"), instant(rs, "awaiting_since"), rs.getInt("response_cycle"),
                rs.getInt("reminders_sent"), instant(rs, "resolution_start"), rs.getInt("resolution_cycle"),
                instant(rs, "paused_since"), Duration.ofSeconds(rs.getLong("paused_seconds")),
                rs.getInt("escalation_level"), instant(rs, "l2_since"), instant(rs, "l3_since"),
                enumOf(Tier.class, rs.getString("assignee_tier")), metrics(rs.getString("warned")),
                metrics(rs.getString("breached")), metrics(rs.getString("done")));
        Map<SlaMetric, Instant> due = new EnumMap<>(SlaMetric.class);
        put(due, SlaMetric.FIRST_RESPONSE, instant(rs, "first_response_due"));
        put(due, SlaMetric.NEXT_RESPONSE, instant(rs, "next_response_due"));
        put(due, SlaMetric.RESOLUTION, instant(rs, "resolution_due"));
        put(due, SlaMetric.L2_JOIN, instant(rs, "l2_join_due"));
        put(due, SlaMetric.L3_JOIN, instant(rs, "l3_join_due"));
        Deadlines deadlines = new Deadlines(due, Map.of(), instant(rs, "earliest_due"), instant(rs, "next_action_at"));
        return new ClockRow(rs.getLong("tenant_id"), rs.getLong("conversation_id"), rs.getLong("customer_id"), facts,
                nullableLong(rs, "policy_id"), rs.getString("policy_name"), nullableLong(rs, "assignee_agent_id"),
                snapshot, deadlines, instant(rs, "next_action_at"));
    }

    private static SlaRecord record(ResultSet rs, int n) throws SQLException {
        String metric = rs.getString("metric");
        Object met = rs.getObject("met");
        return new SlaRecord(rs.getLong("id"), rs.getLong("conversation_id"), SlaFactKind.valueOf(rs.getString("kind")),
                "NONE".equals(metric) ? null : SlaMetric.valueOf(metric), rs.getInt("cycle"), rs.getInt("seq"),
                instant(rs, "deadline"), met == null ? null : rs.getBoolean("met"),
                enumOf(PriorityLevel.class, rs.getString("priority")), rs.getString("policy_name"),
                nullableLong(rs, "assignee_agent_id"), enumOf(Tier.class, rs.getString("target_tier")),
                instant(rs, "occurred_at"));
    }

    private static void put(Map<SlaMetric, Instant> map, SlaMetric m, Instant value) {
        if (value != null) {
            map.put(m, value);
        }
    }

    private static Set<SlaMetric> metrics(String s) {
        Set<SlaMetric> set = EnumSet.noneOf(SlaMetric.class);
        if (s != null && !s.isBlank()) {
            Arrays.stream(s.split(",")).map(String::trim).map(SlaMetric::valueOf).forEach(set::add);
        }
        return set;
    }

    private static String join(Set<SlaMetric> metrics) {
        return metrics.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Sent as OffsetDateTime in UTC: the columns are TIMESTAMP WITH TIME ZONE on both databases. */
    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
