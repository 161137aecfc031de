package io.oriole.knowledge.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.oriole.knowledge.EntryDraft;
import io.oriole.knowledge.EntryStatus;
import io.oriole.knowledge.EntryVersion;
import io.oriole.knowledge.KnowledgeEntry;
import io.oriole.knowledge.OpenQuestion;
import io.oriole.triage.Language;

/** SQL for entries, their versions and open questions. Every statement filters on tenant_id. */
@Repository
public class KnowledgeStore {

    private static final String ENTRY_COLUMNS = "id, tenant_id, title, body, phrasings, category, language, tags, "
            + "status, version, created_at, updated_at, updated_by";

    private final JdbcClient jdbc;

    KnowledgeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long tenantId, EntryDraft d, String by, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO knowledge_entry (tenant_id, title, body, phrasings, category, language, tags, status, "
                + "version, created_at, updated_at, updated_by) VALUES (:t, :title, :body, :ph, :cat, :lang, :tags, "
                + ":status, 1, :now, :now, :by)")
                .param("t", tenantId).param("title", d.title()).param("body", d.body())
                .param("ph", String.join("\n", d.phrasings())).param("cat", d.category())
                .param("lang", d.language().code()).param("tags", String.join(",", d.tags()))
                .param("status", d.status().name()).param("now", utc(now)).param("by", by)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(long tenantId, long id, EntryDraft d, int version, String by, Instant now) {
        jdbc.sql("UPDATE knowledge_entry SET title = :title, body = :body, phrasings = :ph, category = :cat, "
                + "language = :lang, tags = :tags, status = :status, version = :v, updated_at = :now, updated_by = :by "
                + "WHERE tenant_id = :t AND id = :id")
                .param("t", tenantId).param("id", id).param("title", d.title()).param("body", d.body())
                .param("ph", String.join("\n", d.phrasings())).param("cat", d.category())
                .param("lang", d.language().code()).param("tags", String.join(",", d.tags()))
                .param("status", d.status().name()).param("v", version).param("now", utc(now)).param("by", by)
                .update();
    }

    public void insertVersion(long tenantId, KnowledgeEntry e, List<String> changedFields) {
        jdbc.sql("INSERT INTO knowledge_entry_version (tenant_id, entry_id, version, title, body, phrasings, category, "
                + "language, tags, status, changed_fields, changed_by, changed_at) VALUES (:t, :e, :v, :title, :body, "
                + ":ph, :cat, :lang, :tags, :status, :fields, :by, :at)")
                .param("t", tenantId).param("e", e.id()).param("v", e.version()).param("title", e.title())
                .param("body", e.body()).param("ph", String.join("\n", e.phrasings())).param("cat", e.category())
                .param("lang", e.language().code()).param("tags", String.join(",", e.tags()))
                .param("status", e.status().name()).param("fields", String.join(",", changedFields))
                .param("by", e.updatedBy()).param("at", utc(e.updatedAt())).update();
    }

    public Optional<KnowledgeEntry> find(long tenantId, long id) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM knowledge_entry WHERE tenant_id = :t AND id = :id")
                .param("t", tenantId).param("id", id).query(KnowledgeStore::entry).optional();
    }

    /** Locks the row for an edit so two editors cannot both write version n+1. */
    public Optional<KnowledgeEntry> lock(long tenantId, long id) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM knowledge_entry WHERE tenant_id = :t AND id = :id FOR UPDATE")
                .param("t", tenantId).param("id", id).query(KnowledgeStore::entry).optional();
    }

    public List<KnowledgeEntry> published(long tenantId) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM knowledge_entry WHERE tenant_id = :t AND status = 'PUBLISHED'")
                .param("t", tenantId).query(KnowledgeStore::entry).list();
    }

    public List<KnowledgeEntry> list(long tenantId, String text, EntryStatus status, int offset, int limit) {
        String like = text == null || text.isBlank() ? null : "%" + text.strip().toLowerCase(Locale.ROOT) + "%";
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM knowledge_entry WHERE tenant_id = :t"
                + (status == null ? "" : " AND status = :status")
                + (like == null ? "" : " AND (LOWER(title) LIKE :like OR LOWER(phrasings) LIKE :like"
                        + " OR LOWER(tags) LIKE :like OR LOWER(category) LIKE :like)")
                + " ORDER BY id LIMIT :limit OFFSET :offset")
                .param("t", tenantId).param("status", status == null ? "" : status.name()).param("like", like == null ? "" : like)
                .param("limit", limit).param("offset", offset).query(KnowledgeStore::entry).list();
    }

    public long count(long tenantId) {
        return jdbc.sql("SELECT COUNT(*) FROM knowledge_entry WHERE tenant_id = :t").param("t", tenantId)
                .query(Long.class).single();
    }

    public List<EntryVersion> versions(long tenantId, long entryId) {
        return jdbc.sql("SELECT version, title, body, phrasings, category, language, tags, status, changed_fields, "
                + "changed_by, changed_at FROM knowledge_entry_version WHERE tenant_id = :t AND entry_id = :e "
                + "ORDER BY version DESC")
                .param("t", tenantId).param("e", entryId)
                .query((rs, n) -> new EntryVersion(rs.getInt("version"), rs.getString("title"), rs.getString("body"),
                        lines(rs.getString("phrasings")), rs.getString("category"), rs.getString("language"),
                        commas(rs.getString("tags")), EntryStatus.valueOf(rs.getString("status")),
                        commas(rs.getString("changed_fields")), rs.getString("changed_by"),
                        instant(rs, "changed_at")))
                .list();
    }

    public long insertQuestion(long tenantId, String question, Language language, OpenQuestion.Reason reason,
            Long conversationId, Long answeredEntryId, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO knowledge_question (tenant_id, question, language, reason, conversation_id, "
                + "answered_entry_id, created_at) VALUES (:t, :q, :lang, :reason, :c, :e, :now)")
                .param("t", tenantId).param("q", question).param("lang", language.code()).param("reason", reason.name())
                .param("c", conversationId).param("e", answeredEntryId).param("now", utc(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<OpenQuestion> openQuestions(long tenantId, int limit) {
        return jdbc.sql("SELECT id, question, language, reason, conversation_id, answered_entry_id, created_at "
                + "FROM knowledge_question WHERE tenant_id = :t AND resolved_at IS NULL AND proposed_entry_id IS NULL "
                + "ORDER BY id LIMIT :limit")
                .param("t", tenantId).param("limit", limit).query(KnowledgeStore::question).list();
    }

    public List<OpenQuestion> openQuestions(long tenantId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, question, language, reason, conversation_id, answered_entry_id, created_at "
                + "FROM knowledge_question WHERE tenant_id = :t AND resolved_at IS NULL AND id IN (:ids) ORDER BY id")
                .param("t", tenantId).param("ids", ids).query(KnowledgeStore::question).list();
    }

    /** Marks open questions as answered by a proposal for {@code entryId}, waiting to be published. */
    public int proposeQuestions(long tenantId, Collection<Long> ids, long entryId, String by, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE knowledge_question SET proposed_entry_id = :e, proposed_by = :by, proposed_at = :now "
                + "WHERE tenant_id = :t AND resolved_at IS NULL AND id IN (:ids)")
                .param("t", tenantId).param("e", entryId).param("by", by).param("now", utc(now)).param("ids", ids)
                .update();
    }

    /** Open questions waiting in a proposal, oldest proposal first. */
    public List<ProposedQuestion> proposedQuestions(long tenantId, Long entryId, int limit) {
        return jdbc.sql("SELECT id, question, language, reason, conversation_id, answered_entry_id, created_at, "
                + "proposed_entry_id, proposed_by, proposed_at FROM knowledge_question WHERE tenant_id = :t "
                + "AND resolved_at IS NULL AND proposed_entry_id IS NOT NULL "
                + (entryId == null ? "" : "AND proposed_entry_id = :e ") + "ORDER BY proposed_at, id LIMIT :limit")
                .param("t", tenantId).param("e", entryId).param("limit", limit)
                .query((rs, n) -> new ProposedQuestion(question(rs, n), rs.getLong("proposed_entry_id"),
                        rs.getString("proposed_by"), instant(rs, "proposed_at")))
                .list();
    }

    /** An open question and the proposal it waits in. */
    public record ProposedQuestion(OpenQuestion question, long entryId, String by, Instant at) {
    }

    public int resolveQuestions(long tenantId, Collection<Long> ids, long entryId, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE knowledge_question SET resolved_entry_id = :e, resolved_at = :now "
                + "WHERE tenant_id = :t AND resolved_at IS NULL AND id IN (:ids)")
                .param("t", tenantId).param("e", entryId).param("now", utc(now)).param("ids", ids).update();
    }

    private static OpenQuestion question(ResultSet rs, int n) throws SQLException {
        return new OpenQuestion(rs.getLong("id"), rs.getString("question"), rs.getString("language"),
                rs.getString("reason"), (Long) rs.getObject("conversation_id", Long.class),
                (Long) rs.getObject("answered_entry_id", Long.class), instant(rs, "created_at"));
    }

    private static KnowledgeEntry entry(ResultSet rs, int n) throws SQLException {
        return new KnowledgeEntry(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("title"),
                rs.getString("body"), lines(rs.getString("phrasings")), rs.getString("category"),
                Language.valueOf(rs.getString("language").toUpperCase(Locale.ROOT)), commas(rs.getString("tags")),
                EntryStatus.valueOf(rs.getString("status")), rs.getInt("version"), instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getString("updated_by"));
    }

    static List<String> lines(String s) {
        return s == null || s.isBlank() ? List.of() : s.lines().filter(l -> !l.isBlank()).toList();
    }

    static List<String> commas(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split(",")).filter(t -> !t.isBlank()).toList();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
