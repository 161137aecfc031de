package io.oriole.sla.internal;

import static io.oriole.sla.internal.ClockStore.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Repository;

import io.oriole.cluster.ClusterChanges;
import io.oriole.cluster.RemoteChange;
import io.oriole.conversation.Channel;
import io.oriole.conversation.ConversationStatus;
import io.oriole.customer.CustomerKind;
import io.oriole.customer.VipTier;
import io.oriole.sla.Escalation;
import io.oriole.sla.EscalationTrigger;
import io.oriole.sla.PolicyConditions;
import io.oriole.shared.AfterCommit;
import io.oriole.shared.TimedCache;
import io.oriole.sla.SlaCalendar;
import io.oriole.sla.SlaPolicy;
import io.oriole.sla.SlaTargets;
import io.oriole.sla.WorkingHours;
import io.oriole.triage.Category;
import io.oriole.triage.PriorityLevel;
import io.oriole.triage.Urgency;

/** The tenant's {@code sla_policy} and {@code sla_calendar} rows. */
@Repository
class PolicyStore {

    private static final String POLICY_COLUMNS = "id, name, position, enabled, priorities, vip_tiers, customer_kinds,"
            + " channels, categories, intents, urgencies, first_response_minutes, next_response_minutes,"
            + " resolution_minutes, calendar_id, warn_at_percent, reminder_minutes, escalate_on, l2_join_minutes,"
            + " l3_join_minutes, pause_statuses";

    static final String TOPIC = "sla.policies";

    private final JdbcClient jdbc;
    private final ClusterChanges cluster;
    /**
     * Every SLA event reads the tenant's policies and the calendar of its policy: both are kept a few seconds. The
     * node that edits them forgets its copies at once and tells the others, which forget theirs on the
     * announcement, or within {@link #CACHED_FOR} if they missed it.
     */
    static final Duration CACHED_FOR = Duration.ofSeconds(5);
    private final TimedCache<Long, List<SlaPolicy>> policies = new TimedCache<>(CACHED_FOR, 10_000);
    private final TimedCache<Long, Map<Long, SlaCalendar>> calendars = new TimedCache<>(CACHED_FOR, 10_000);

    PolicyStore(JdbcClient jdbc, ClusterChanges cluster) {
        this.jdbc = jdbc;
        this.cluster = cluster;
    }

    /** The tenant's policies in matching order, as {@code apply} reads them on every event. */
    List<SlaPolicy> cachedPolicies(long tenantId) {
        return policies.get(tenantId, t -> List.copyOf(policies(t)));
    }

    Optional<SlaCalendar> cachedCalendar(long tenantId, long id) {
        return Optional.ofNullable(calendars.get(tenantId, t -> calendars(t).stream()
                .collect(java.util.stream.Collectors.toMap(SlaCalendar::id, c -> c))).get(id));
    }

    /** Forgets this node's copies of the tenant's policies and calendars, now and after the commit, everywhere. */
    void changed(long tenantId) {
        forget(tenantId);
        AfterCommit.run(() -> {
            forget(tenantId);
            cluster.announce(new RemoteChange(TOPIC, tenantId, null));
        });
    }

    /** Another node edited this tenant's policies or calendars. */
    @EventListener
    void on(RemoteChange change) {
        if (TOPIC.equals(change.topic())) {
            forget(change.tenantId());
        }
    }

    void forget(long tenantId) {
        policies.invalidate(tenantId);
        calendars.invalidate(tenantId);
    }

    List<SlaPolicy> policies(long tenantId) {
        return jdbc.sql("SELECT " + POLICY_COLUMNS + " FROM sla_policy WHERE tenant_id = :t ORDER BY position, id")
                .param("t", tenantId).query(PolicyStore::policy).list();
    }

    Optional<SlaPolicy> policy(long tenantId, long id) {
        return jdbc.sql("SELECT " + POLICY_COLUMNS + " FROM sla_policy WHERE tenant_id = :t AND id = :id")
                .param("t", tenantId).param("id", id).query(PolicyStore::policy).optional();
    }

    long insertPolicy(long tenantId, SlaPolicy p, Instant now) {
        changed(tenantId);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO sla_policy (tenant_id, name, position, enabled, priorities, vip_tiers, customer_kinds,"
                + " channels, categories, intents, urgencies, first_response_minutes, next_response_minutes,"
                + " resolution_minutes, calendar_id, warn_at_percent, reminder_minutes, escalate_on, l2_join_minutes,"
                + " l3_join_minutes, pause_statuses, updated_at) VALUES (:t, :name, :position, :enabled, :priorities,"
                + " :vip, :kinds, :channels, :categories, :intents, :urgencies, :fr, :nr, :res, :calendar, :warn,"
                + " :reminder, :escalate, :l2, :l3, :pause, :now)").paramSource(params(tenantId, 0, p, now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean updatePolicy(long tenantId, long id, SlaPolicy p, Instant now) {
        changed(tenantId);
        return jdbc.sql("UPDATE sla_policy SET name = :name, position = :position, enabled = :enabled,"
                + " priorities = :priorities, vip_tiers = :vip, customer_kinds = :kinds, channels = :channels,"
                + " categories = :categories, intents = :intents, urgencies = :urgencies,"
                + " first_response_minutes = :fr, next_response_minutes = :nr, resolution_minutes = :res,"
                + " calendar_id = :calendar, warn_at_percent = :warn, reminder_minutes = :reminder,"
                + " escalate_on = :escalate, l2_join_minutes = :l2, l3_join_minutes = :l3, pause_statuses = :pause,"
                + " updated_at = :now WHERE tenant_id = :t AND id = :id").paramSource(params(tenantId, id, p, now))
                .update() == 1;
    }

    boolean deletePolicy(long tenantId, long id) {
        changed(tenantId);
        return jdbc.sql("DELETE FROM sla_policy WHERE tenant_id = :t AND id = :id").param("t", tenantId)
                .param("id", id).update() == 1;
    }

    List<SlaCalendar> calendars(long tenantId) {
        return jdbc.sql("SELECT id, name, time_zone, week, holidays FROM sla_calendar WHERE tenant_id = :t ORDER BY id")
                .param("t", tenantId).query(PolicyStore::calendar).list();
    }

    Optional<SlaCalendar> calendar(long tenantId, long id) {
        return jdbc.sql("SELECT id, name, time_zone, week, holidays FROM sla_calendar WHERE tenant_id = :t AND id = :id")
                .param("t", tenantId).param("id", id).query(PolicyStore::calendar).optional();
    }

    long insertCalendar(long tenantId, SlaCalendar c, Instant now) {
        changed(tenantId);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO sla_calendar (tenant_id, name, time_zone, week, holidays, updated_at)"
                + " VALUES (:t, :name, :zone, :week, :holidays, :now)").paramSource(calendarParams(tenantId, 0, c, now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean updateCalendar(long tenantId, long id, SlaCalendar c, Instant now) {
        changed(tenantId);
        return jdbc.sql("UPDATE sla_calendar SET name = :name, time_zone = :zone, week = :week, holidays = :holidays,"
                + " updated_at = :now WHERE tenant_id = :t AND id = :id")
                .paramSource(calendarParams(tenantId, id, c, now)).update() == 1;
    }

    boolean calendarInUse(long tenantId, long id) {
        return jdbc.sql("SELECT COUNT(*) FROM sla_policy WHERE tenant_id = :t AND calendar_id = :id")
                .param("t", tenantId).param("id", id).query(Long.class).single() > 0;
    }

    boolean deleteCalendar(long tenantId, long id) {
        changed(tenantId);
        return jdbc.sql("DELETE FROM sla_calendar WHERE tenant_id = :t AND id = :id").param("t", tenantId)
                .param("id", id).update() == 1;
    }

    // --- mapping ---

    private static MapSqlParameterSource params(long tenantId, long id, SlaPolicy p, Instant now) {
        PolicyConditions c = p.conditions();
        SlaTargets targets = p.targets();
        return new MapSqlParameterSource().addValue("t", tenantId).addValue("id", id).addValue("name", p.name())
                .addValue("position", p.position()).addValue("enabled", p.enabled())
                .addValue("priorities", join(c.priorities())).addValue("vip", join(c.vipTiers()))
                .addValue("kinds", join(c.customerKinds())).addValue("channels", join(c.channels()))
                .addValue("categories", join(c.categories()))
                .addValue("intents", String.join(",", new TreeSet<>(c.intents())))
                .addValue("urgencies", join(c.urgencies())).addValue("fr", minutes(targets.firstResponse()))
                .addValue("nr", minutes(targets.nextResponse())).addValue("res", minutes(targets.resolution()))
                .addValue("calendar", p.calendarId()).addValue("warn", p.warnAtPercent())
                .addValue("reminder", minutes(p.reminderEvery()))
                .addValue("escalate", p.escalation().trigger().name())
                .addValue("l2", minutes(p.escalation().l2Join())).addValue("l3", minutes(p.escalation().l3Join()))
                .addValue("pause", join(p.pauseStatuses())).addValue("now", ts(now));
    }

    private static MapSqlParameterSource calendarParams(long tenantId, long id, SlaCalendar c, Instant now) {
        String week = c.week().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().name().substring(0, 3) + "=" + e.getValue().open() + "-" + e.getValue().close())
                .collect(Collectors.joining(","));
        String holidays = new TreeSet<>(c.holidays()).stream().map(LocalDate::toString)
                .collect(Collectors.joining(","));
        return new MapSqlParameterSource().addValue("t", tenantId).addValue("id", id).addValue("name", c.name())
                .addValue("zone", c.zone().getId()).addValue("week", week).addValue("holidays", holidays)
                .addValue("now", ts(now));
    }

    private static SlaPolicy policy(ResultSet rs, int n) throws SQLException {
        PolicyConditions conditions = new PolicyConditions(enums(PriorityLevel.class, rs.getString("priorities")),
                enums(VipTier.class, rs.getString("vip_tiers")), enums(CustomerKind.class, rs.getString("customer_kinds")),
                enums(Channel.class, rs.getString("channels")), enums(Category.class, rs.getString("categories")),
                split(rs.getString("intents"), Function.identity()), enums(Urgency.class, rs.getString("urgencies")));
        SlaTargets targets = new SlaTargets(duration(rs, "first_response_minutes"),
                duration(rs, "next_response_minutes"), duration(rs, "resolution_minutes"));
        long calendar = rs.getLong("calendar_id");
        Long calendarId = rs.wasNull() ? null : calendar;
        Escalation escalation = new Escalation(EscalationTrigger.valueOf(rs.getString("escalate_on")),
                duration(rs, "l2_join_minutes"), duration(rs, "l3_join_minutes"));
        return new SlaPolicy(rs.getLong("id"), rs.getString("name"), rs.getInt("position"), rs.getBoolean("enabled"),
                conditions, targets, calendarId, rs.getInt("warn_at_percent"), duration(rs, "reminder_minutes"),
                escalation, enums(ConversationStatus.class, rs.getString("pause_statuses")));
    }

    private static SlaCalendar calendar(ResultSet rs, int n) throws SQLException {
        Map<DayOfWeek, WorkingHours> week = new EnumMap<>(DayOfWeek.class);
        for (String day : rs.getString("week").split(",")) {
            if (day.isBlank()) {
                continue;
            }
            String[] kv = day.split("=");
            String[] hours = kv[1].split("-");
            week.put(dayOf(kv[0]), new WorkingHours(LocalTime.parse(hours[0]), LocalTime.parse(hours[1])));
        }
        return new SlaCalendar(rs.getLong("id"), rs.getString("name"), ZoneId.of(rs.getString("time_zone")), week,
                split(rs.getString("holidays"), LocalDate::parse));
    }

    private static DayOfWeek dayOf(String abbreviation) {
        return Arrays.stream(DayOfWeek.values()).filter(d -> d.name().startsWith(abbreviation)).findFirst()
                .orElseThrow();
    }

    private static Duration duration(ResultSet rs, String column) throws SQLException {
        int minutes = rs.getInt(column);
        return rs.wasNull() ? null : Duration.ofMinutes(minutes);
    }

    private static Integer minutes(Duration d) {
        return d == null ? null : (int) d.toMinutes();
    }

    private static String join(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static <E extends Enum<E>> Set<E> enums(Class<E> type, String s) {
        return split(s, v -> Enum.valueOf(type, v));
    }

    private static <T> Set<T> split(String s, Function<String, T> parse) {
        if (s == null || s.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(s.split(",")).map(String::trim).filter(v -> !v.isEmpty()).map(parse)
                .collect(Collectors.toSet());
    }
}
