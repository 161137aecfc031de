package io.oriole.bot.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.oriole.bot.BotConversation;
import io.oriole.bot.BotSettings;
import io.oriole.bot.BotTurn;
import io.oriole.bot.GenerativeSettingsChange;
import io.oriole.bot.HandoffReason;
import io.oriole.shared.AfterCommit;
import io.oriole.shared.TimedCache;

/** SQL for bot settings, per-conversation state and turns. Every statement filters on tenant_id. */
@Repository
public class BotStore {

    private static final String TURN_COLUMNS = "id, conversation_id, message_id, question, outcome, entry_id, "
            + "confidence, reply_seq, helpful, verdict, created_at, generated, cited_entry_ids";

    private final JdbcClient jdbc;
    /**
     * Every customer message asks whether the bot is on; the answer is kept a few seconds. The node that saves the
     * settings forgets its copy at once, other nodes within {@link #CACHED_FOR}.
     */
    private final TimedCache<Long, BotSettings> settings = new TimedCache<>(CACHED_FOR, 10_000);
    private final TimedCache<Long, Optional<Instant>> enabledAt = new TimedCache<>(CACHED_FOR, 10_000);
    static final Duration CACHED_FOR = Duration.ofSeconds(3);

    BotStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public BotSettings settings(long tenantId) {
        return settings.get(tenantId, this::readSettings);
    }

    private BotSettings readSettings(long tenantId) {
        return jdbc.sql("SELECT enabled, min_confidence, max_unhelpful, handoff_vip, handoff_urgent, handoff_negative "
                + "FROM bot_settings WHERE tenant_id = :t").param("t", tenantId)
                .query((rs, n) -> new BotSettings(rs.getBoolean(1), rs.getDouble(2), rs.getInt(3), rs.getBoolean(4),
                        rs.getBoolean(5), rs.getBoolean(6)))
                .optional().orElse(BotSettings.DEFAULT);
    }

    public void saveSettings(long tenantId, BotSettings s, Instant now) {
        forget(tenantId);
        AfterCommit.run(() -> forget(tenantId));
        int updated = jdbc.sql("UPDATE bot_settings SET enabled_at = CASE WHEN :on AND NOT enabled THEN :now "
                + "ELSE enabled_at END, enabled = :on, min_confidence = :c, max_unhelpful = :n, "
                + "handoff_vip = :vip, handoff_urgent = :urg, handoff_negative = :neg, updated_at = :now "
                + "WHERE tenant_id = :t")
                .params(settingParams(tenantId, s, now)).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO bot_settings (tenant_id, enabled, min_confidence, max_unhelpful, handoff_vip, "
                    + "handoff_urgent, handoff_negative, enabled_at, updated_at) VALUES (:t, :on, :c, :n, :vip, :urg, "
                    + ":neg, CASE WHEN :on THEN :now END, :now)")
                    .params(settingParams(tenantId, s, now)).update();
        }
    }

    /** When the bot was last switched on; empty while it is off. */
    public Optional<Instant> enabledAt(long tenantId) {
        return enabledAt.get(tenantId, this::readEnabledAt);
    }

    private void forget(long tenantId) {
        settings.invalidate(tenantId);
        enabledAt.invalidate(tenantId);
    }

    private Optional<Instant> readEnabledAt(long tenantId) {
        return jdbc.sql("SELECT enabled_at FROM bot_settings WHERE tenant_id = :t AND enabled").param("t", tenantId)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional()
                .map(OffsetDateTime::toInstant);
    }

    private static java.util.Map<String, Object> settingParams(long tenantId, BotSettings s, Instant now) {
        return java.util.Map.of("t", tenantId, "on", s.enabled(), "c", s.minConfidence(), "n", s.maxUnhelpful(),
                "vip", s.handoffOnVip(), "urg", s.handoffOnUrgent(), "neg", s.handoffOnNegative(), "now", utc(now));
    }

    /** The conversation's state row, created ACTIVE and locked for this transaction. */
    public BotConversation lockConversation(long tenantId, long conversationId, Instant now) {
        Optional<BotConversation> existing = lockedState(tenantId, conversationId);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            jdbc.sql("INSERT INTO bot_conversation (tenant_id, conversation_id, state, unhelpful_streak, updated_at) "
                    + "VALUES (:t, :c, 'ACTIVE', 0, :now)")
                    .param("t", tenantId).param("c", conversationId).param("now", utc(now)).update();
        }
        catch (DuplicateKeyException createdConcurrently) {
            // the other transaction's row is the one to lock
        }
        return lockedState(tenantId, conversationId).orElseThrow();
    }

    private Optional<BotConversation> lockedState(long tenantId, long conversationId) {
        return jdbc.sql("SELECT conversation_id, state, unhelpful_streak, handoff_reason, handoff_summary "
                + "FROM bot_conversation WHERE tenant_id = :t AND conversation_id = :c FOR UPDATE")
                .param("t", tenantId).param("c", conversationId).query(BotStore::conversation).optional();
    }

    public Optional<BotConversation> conversation(long tenantId, long conversationId) {
        return jdbc.sql("SELECT conversation_id, state, unhelpful_streak, handoff_reason, handoff_summary "
                + "FROM bot_conversation WHERE tenant_id = :t AND conversation_id = :c")
                .param("t", tenantId).param("c", conversationId).query(BotStore::conversation).optional();
    }

    public void updateConversation(long tenantId, long conversationId, String state, int streak, HandoffReason reason,
            String summary, Instant now) {
        jdbc.sql("UPDATE bot_conversation SET state = :s, unhelpful_streak = :n, handoff_reason = :r, "
                + "handoff_summary = :sum, updated_at = :now WHERE tenant_id = :t AND conversation_id = :c")
                .param("t", tenantId).param("c", conversationId).param("s", state).param("n", streak)
                .param("r", reason == null ? null : reason.name()).param("sum", summary).param("now", utc(now))
                .update();
    }

    public boolean hasTurn(long tenantId, long messageId) {
        return jdbc.sql("SELECT COUNT(*) FROM bot_turn WHERE tenant_id = :t AND message_id = :m")
                .param("t", tenantId).param("m", messageId).query(Long.class).single() > 0;
    }

    public void insertTurn(long tenantId, long conversationId, long messageId, String question, String outcome,
            Long entryId, Double confidence, Long replySeq, Instant now) {
        insertTurn(tenantId, conversationId, messageId, question, outcome, entryId, confidence, replySeq, now, false,
                List.of());
    }

    /** A turn that may be a generated answer citing {@code citedEntryIds} (in citation order). */
    public void insertTurn(long tenantId, long conversationId, long messageId, String question, String outcome,
            Long entryId, Double confidence, Long replySeq, Instant now, boolean generated,
            List<Long> citedEntryIds) {
        String cited = citedEntryIds.isEmpty() ? null
                : citedEntryIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        jdbc.sql("INSERT INTO bot_turn (tenant_id, conversation_id, message_id, question, outcome, entry_id, confidence, "
                + "reply_seq, created_at, generated, cited_entry_ids) "
                + "VALUES (:t, :c, :m, :q, :o, :e, :conf, :seq, :now, :gen, :cited)")
                .param("t", tenantId).param("c", conversationId).param("m", messageId)
                .param("q", question.length() > 2000 ? question.substring(0, 2000) : question).param("o", outcome)
                .param("e", entryId).param("conf", confidence).param("seq", replySeq).param("now", utc(now))
                .param("gen", generated).param("cited", cited).update();
    }

    public List<BotTurn> turns(long tenantId, long conversationId) {
        return jdbc.sql("SELECT " + TURN_COLUMNS + " FROM bot_turn WHERE tenant_id = :t AND conversation_id = :c "
                + "ORDER BY id").param("t", tenantId).param("c", conversationId).query(BotStore::turn).list();
    }

    public Optional<BotTurn> answerAt(long tenantId, long conversationId, long replySeq) {
        return jdbc.sql("SELECT " + TURN_COLUMNS + " FROM bot_turn WHERE tenant_id = :t AND conversation_id = :c "
                + "AND reply_seq = :seq AND outcome = 'ANSWERED'")
                .param("t", tenantId).param("c", conversationId).param("seq", replySeq).query(BotStore::turn)
                .optional();
    }

    public void setHelpful(long tenantId, long turnId, boolean helpful) {
        jdbc.sql("UPDATE bot_turn SET helpful = :h WHERE tenant_id = :t AND id = :id")
                .param("t", tenantId).param("id", turnId).param("h", helpful).update();
    }

    public void setVerdict(long tenantId, long turnId, String verdict) {
        jdbc.sql("UPDATE bot_turn SET verdict = :v WHERE tenant_id = :t AND id = :id")
                .param("t", tenantId).param("id", turnId).param("v", verdict).update();
    }

    private static BotConversation conversation(ResultSet rs, int n) throws SQLException {
        String reason = rs.getString("handoff_reason");
        return new BotConversation(rs.getLong("conversation_id"), rs.getString("state"), rs.getInt("unhelpful_streak"),
                reason == null ? null : HandoffReason.valueOf(reason), rs.getString("handoff_summary"));
    }

    private static BotTurn turn(ResultSet rs, int n) throws SQLException {
        OffsetDateTime at = rs.getObject("created_at", OffsetDateTime.class);
        return new BotTurn(rs.getLong("id"), rs.getLong("conversation_id"), rs.getLong("message_id"),
                rs.getString("question"), rs.getString("outcome"), rs.getObject("entry_id", Long.class),
                rs.getObject("confidence", Double.class), rs.getObject("reply_seq", Long.class),
                rs.getObject("helpful", Boolean.class), rs.getString("verdict"), at == null ? null : at.toInstant(),
                rs.getBoolean("generated"), ids(rs.getString("cited_entry_ids")));
    }

    private static List<Long> ids(String csv) {
        return csv == null || csv.isBlank() ? List.of()
                : Arrays.stream(csv.split(",")).map(String::trim).map(Long::valueOf).toList();
    }

    /** The tenant's generative settings including the API key; the defaults (off) when never configured. */
    public GenerativeConfig generative(long tenantId) {
        return jdbc.sql("SELECT enabled, base_url, model, api_key, timeout_seconds, max_citations "
                + "FROM bot_generative_settings WHERE tenant_id = :t").param("t", tenantId)
                .query((rs, n) -> new GenerativeConfig(rs.getBoolean(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getInt(6)))
                .optional().orElse(GenerativeConfig.DEFAULT);
    }

    /** Stores a validated, normalized change; a null API key keeps the stored one, an empty one removes it. */
    public void saveGenerative(long tenantId, GenerativeSettingsChange c, Instant now) {
        Map<String, Object> params = new HashMap<>();
        params.put("t", tenantId);
        params.put("on", c.enabled());
        params.put("url", c.baseUrl());
        params.put("model", c.model());
        params.put("keep", c.apiKey() == null);
        params.put("key", c.apiKey() == null || c.apiKey().isEmpty() ? null : c.apiKey());
        params.put("timeout", c.timeoutSeconds());
        params.put("cite", c.maxCitations());
        params.put("now", utc(now));
        int updated = jdbc.sql("UPDATE bot_generative_settings SET enabled = :on, base_url = :url, model = :model, "
                + "api_key = CASE WHEN :keep THEN api_key ELSE :key END, timeout_seconds = :timeout, "
                + "max_citations = :cite, updated_at = :now WHERE tenant_id = :t").params(params).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO bot_generative_settings (tenant_id, enabled, base_url, model, api_key, "
                    + "timeout_seconds, max_citations, updated_at) VALUES (:t, :on, :url, :model, :key, :timeout, "
                    + ":cite, :now)").params(params).update();
        }
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
