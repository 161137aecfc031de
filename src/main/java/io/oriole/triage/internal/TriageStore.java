package io.oriole.triage.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.oriole.triage.Category;
import io.oriole.triage.Complexity;
import io.oriole.triage.ConversationTriaged;
import io.oriole.triage.IntentExample;
import io.oriole.triage.IntentMatch;
import io.oriole.triage.KeyFacts;
import io.oriole.triage.Language;
import io.oriole.triage.Priority;
import io.oriole.triage.PriorityFactor;
import io.oriole.triage.PriorityLevel;
import io.oriole.triage.PriorityOverride;
import io.oriole.triage.Sentiment;
import io.oriole.triage.TriageResult;
import io.oriole.triage.Urgency;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for triage results and the tenant's triage data. Every statement filters on tenant_id. */
@Repository
class TriageStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TriageStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    boolean isTriaged(long tenantId, long messageId) {
        return jdbc.sql("SELECT COUNT(*) FROM triage_result WHERE tenant_id = :t AND message_id = :m")
                .param("t", tenantId).param("m", messageId).query(Long.class).single() > 0;
    }

    void save(ConversationTriaged event) {
        TriageResult r = event.result();
        jdbc.sql("INSERT INTO triage_result (tenant_id, conversation_id, message_id, language, category, intent, "
                + "intent_confidence, out_of_scope, urgency, sentiment, complexity, facts, priority_level, priority_score, "
                + "priority_factors, explanation, created_at) VALUES (:t, :c, :m, :lang, :cat, :intent, :conf, :oos, :urg, "
                + ":sent, :cx, :facts, :level, :score, :factors, :why, :at)")
                .param("t", event.tenantId()).param("c", event.conversationId()).param("m", event.messageId())
                .param("lang", r.language().code()).param("cat", r.category().name())
                .param("intent", r.intent().intent()).param("conf", r.intent().confidence())
                .param("oos", r.intent().outOfScope()).param("urg", r.urgency().name())
                .param("sent", r.sentiment().name()).param("cx", r.complexity().name())
                .param("facts", json.writeValueAsString(r.facts()))
                .param("level", r.priority().level().name()).param("score", r.priority().score())
                .param("factors", json.writeValueAsString(r.priority().factors()))
                .param("why", abbreviate(r.priority().explanation(), 1000)).param("at", ts(event.occurredAt()))
                .update();
    }

    /** The conversation's current triage: the row of its most recently triaged message. */
    Optional<TriageResult> latest(long tenantId, long conversationId) {
        return jdbc.sql("SELECT language, category, intent, intent_confidence, out_of_scope, urgency, sentiment, "
                + "complexity, facts, priority_level, priority_score, priority_factors FROM triage_result "
                + "WHERE tenant_id = :t AND conversation_id = :c ORDER BY id DESC LIMIT 1")
                .param("t", tenantId).param("c", conversationId)
                .query((rs, n) -> new TriageResult(
                        Language.valueOf(rs.getString("language").toUpperCase(Locale.ROOT)),
                        Category.valueOf(rs.getString("category")),
                        new IntentMatch(rs.getString("intent"), rs.getDouble("intent_confidence"),
                                rs.getBoolean("out_of_scope")),
                        Urgency.valueOf(rs.getString("urgency")), Sentiment.valueOf(rs.getString("sentiment")),
                        json.readValue(rs.getString("facts"), KeyFacts.class),
                        Complexity.valueOf(rs.getString("complexity")),
                        new Priority(PriorityLevel.valueOf(rs.getString("priority_level")), rs.getInt("priority_score"),
                                json.readValue(rs.getString("priority_factors"), FACTORS))))
                .optional();
    }

    /** The current priority level of each given conversation that has been triaged. */
    Map<Long, PriorityLevel> latestLevels(long tenantId, java.util.Collection<Long> conversationIds) {
        if (conversationIds.isEmpty()) {
            return Map.of();
        }
        // The newest result per conversation, found once per conversation and joined by primary key: the inbox asks
        // this for fifty conversations at every refresh. Neither a correlated "id = MAX(id)" nor "id IN (SELECT
        // MAX(id) …)" will do: H2 runs both once per row of the whole table, which grows by a row per message. The
        // tenant is checked on the joined row, not in the grouping: H2 uses an IN list only on an index's first
        // column (V16), and a conversation id belongs to one tenant, so its newest row is that tenant's.
        return jdbc.sql("SELECT r.conversation_id, r.priority_level FROM (SELECT MAX(x.id) AS id FROM triage_result x "
                + "WHERE x.conversation_id IN (:c) GROUP BY x.conversation_id) newest "
                + "JOIN triage_result r ON r.id = newest.id WHERE r.tenant_id = :t")
                .param("t", tenantId).param("c", conversationIds)
                .query((rs, n) -> Map.entry(rs.getLong(1), PriorityLevel.valueOf(rs.getString(2)))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static final TypeReference<List<PriorityFactor>> FACTORS = new TypeReference<>() { };

    List<IntentExample> intentExamples(long tenantId) {
        return jdbc.sql("SELECT text, label FROM triage_intent_example WHERE tenant_id = :t ORDER BY id")
                .param("t", tenantId).query((rs, n) -> new IntentExample(rs.getString(1), rs.getString(2))).list();
    }

    /** Replaces all examples in one transaction: a failed upload leaves the previous set intact. */
    @Transactional
    void replaceIntentExamples(long tenantId, List<IntentExample> examples, Instant now) {
        jdbc.sql("DELETE FROM triage_intent_example WHERE tenant_id = :t").param("t", tenantId).update();
        for (IntentExample e : examples) {
            jdbc.sql("INSERT INTO triage_intent_example (tenant_id, text, label, created_at) VALUES (:t, :x, :l, :at)")
                    .param("t", tenantId).param("x", e.text()).param("l", e.label()).param("at", ts(now)).update();
        }
    }

    List<String> catalogue(long tenantId) {
        return jdbc.sql("SELECT name FROM triage_product WHERE tenant_id = :t ORDER BY name").param("t", tenantId)
                .query(String.class).list();
    }

    Map<String, Double> priorityWeights(long tenantId) {
        return jdbc.sql("SELECT name, points FROM triage_priority_weight WHERE tenant_id = :t").param("t", tenantId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getDouble(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void saveOverride(long tenantId, PriorityOverride o) {
        jdbc.sql("INSERT INTO triage_priority_override (tenant_id, conversation_id, level, previous_level, reason, "
                + "by_user_id, by_name, created_at) VALUES (:t, :c, :l, :p, :r, :u, :n, :at)")
                .param("t", tenantId).param("c", o.conversationId())
                .param("l", o.level() == null ? null : o.level().name())
                .param("p", o.previousLevel() == null ? null : o.previousLevel().name())
                .param("r", o.reason()).param("u", o.byUserId()).param("n", o.byName()).param("at", ts(o.at()))
                .update();
    }

    /** Every override of the conversation, oldest first. */
    List<PriorityOverride> overrides(long tenantId, long conversationId) {
        return jdbc.sql("SELECT conversation_id, level, previous_level, reason, by_user_id, by_name, created_at "
                + "FROM triage_priority_override WHERE tenant_id = :t AND conversation_id = :c ORDER BY id")
                .param("t", tenantId).param("c", conversationId).query((rs, n) -> new PriorityOverride(
                        rs.getLong(1), level(rs.getString(2)), level(rs.getString(3)), rs.getString(4),
                        rs.getLong(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The level set by hand for each given conversation whose latest override is in force. */
    Map<Long, PriorityLevel> overriddenLevels(long tenantId, java.util.Collection<Long> conversationIds) {
        if (conversationIds.isEmpty()) {
            return Map.of();
        }
        // As latestLevels: grouped by conversation over V16's index, the tenant checked on the joined row.
        return jdbc.sql("SELECT o.conversation_id, o.level FROM (SELECT MAX(x.id) AS id FROM triage_priority_override x "
                + "WHERE x.conversation_id IN (:c) GROUP BY x.conversation_id) newest "
                + "JOIN triage_priority_override o ON o.id = newest.id WHERE o.tenant_id = :t AND o.level IS NOT NULL")
                .param("t", tenantId).param("c", conversationIds)
                .query((rs, n) -> Map.entry(rs.getLong(1), PriorityLevel.valueOf(rs.getString(2)))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    Optional<Long> latestTriagedMessage(long tenantId, long conversationId) {
        return jdbc.sql("SELECT message_id FROM triage_result WHERE tenant_id = :t AND conversation_id = :c "
                + "ORDER BY id DESC LIMIT 1").param("t", tenantId).param("c", conversationId).query(Long.class)
                .optional();
    }

    /** Adds examples to the tenant's set, keeping those it has. */
    void addIntentExamples(long tenantId, List<IntentExample> examples, Instant now) {
        for (IntentExample e : examples) {
            jdbc.sql("INSERT INTO triage_intent_example (tenant_id, text, label, created_at) VALUES (:t, :x, :l, :at)")
                    .param("t", tenantId).param("x", e.text()).param("l", e.label()).param("at", ts(now)).update();
        }
    }

    Map<String, Integer> examplesPerLabel(long tenantId) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        jdbc.sql("SELECT label, COUNT(*) FROM triage_intent_example WHERE tenant_id = :t GROUP BY label")
                .param("t", tenantId).query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2))).list();
        return counts;
    }

    /** Removes every example of one label; returns how many there were. */
    int deleteLabel(long tenantId, String label) {
        return jdbc.sql("DELETE FROM triage_intent_example WHERE tenant_id = :t AND label = :l")
                .param("t", tenantId).param("l", label).update();
    }

    void replaceCatalogue(long tenantId, java.util.Collection<String> names) {
        jdbc.sql("DELETE FROM triage_product WHERE tenant_id = :t").param("t", tenantId).update();
        for (String name : names) {
            jdbc.sql("INSERT INTO triage_product (tenant_id, name) VALUES (:t, :n)").param("t", tenantId)
                    .param("n", name).update();
        }
    }

    void replacePriorityWeights(long tenantId, Map<String, ? extends Number> weights) {
        jdbc.sql("DELETE FROM triage_priority_weight WHERE tenant_id = :t").param("t", tenantId).update();
        for (var w : weights.entrySet()) {
            jdbc.sql("INSERT INTO triage_priority_weight (tenant_id, name, points) VALUES (:t, :n, :p)")
                    .param("t", tenantId).param("n", w.getKey()).param("p", w.getValue().doubleValue()).update();
        }
    }

    /** Records a resolution once; a redelivered event changes nothing. */
    void recordResolution(long tenantId, long conversationId, Instant resolvedAt, String intent, long seconds) {
        jdbc.sql("INSERT INTO triage_resolution (tenant_id, conversation_id, resolved_at, intent, seconds) "
                + "SELECT :t, :c, :at, :i, :s WHERE NOT EXISTS (SELECT 1 FROM triage_resolution WHERE tenant_id = :t "
                + "AND conversation_id = :c AND resolved_at = :at)").param("t", tenantId).param("c", conversationId)
                .param("at", ts(resolvedAt)).param("i", intent).param("s", seconds).update();
    }

    /** The mean time to resolve the intent's conversations since {@code since}, with at least three of them. */
    Optional<java.time.Duration> typicalHandling(long tenantId, String intent, Instant since) {
        return jdbc.sql("SELECT AVG(seconds), COUNT(*) FROM triage_resolution WHERE tenant_id = :t AND intent = :i "
                + "AND resolved_at >= :since").param("t", tenantId).param("i", intent).param("since", ts(since))
                .query((rs, n) -> rs.getLong(2) >= 3 ? java.time.Duration.ofSeconds(Math.round(rs.getDouble(1))) : null)
                .optional();
    }

    /** Whether any of the conversations had a complaint, or a negative or angry message, since {@code since}. */
    boolean hadNegativeContact(long tenantId, java.util.Collection<Long> conversationIds, Instant since) {
        if (conversationIds.isEmpty()) {
            return false;
        }
        return jdbc.sql("SELECT COUNT(*) FROM triage_result WHERE tenant_id = :t AND conversation_id IN (:c) "
                + "AND created_at >= :since AND (category = 'COMPLAINT' OR sentiment IN ('NEGATIVE', 'ANGRY'))")
                .param("t", tenantId).param("c", conversationIds).param("since", ts(since)).query(Long.class)
                .single() > 0;
    }

    /** The intent triage found in the conversation's latest triaged message, unless it was out of scope. */
    Optional<String> latestIntent(long tenantId, long conversationId) {
        return jdbc.sql("SELECT intent, out_of_scope FROM triage_result WHERE tenant_id = :t AND conversation_id = :c "
                + "ORDER BY id DESC LIMIT 1").param("t", tenantId).param("c", conversationId)
                .query((rs, n) -> rs.getBoolean(2) ? null : rs.getString(1)).optional();
    }

    private static PriorityLevel level(String s) {
        return s == null ? null : PriorityLevel.valueOf(s);
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
