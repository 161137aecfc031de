package io.oriole.conversation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.oriole.conversation.AuthorType;
import io.oriole.conversation.Channel;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationStatus;
import io.oriole.conversation.InboxFilter;
import io.oriole.conversation.Message;
import io.oriole.conversation.Participant;
import io.oriole.conversation.TimelineEntry;

/**
 * SQL for conversations, messages, participants and the timeline. Plain SQL rather than aggregates because
 * state changes are conditional single-row updates (no lost updates between two agents) and messages are
 * numbered under the conversation's row lock. Every statement filters on tenant_id.
 */
@Repository
public class ConversationStore {

    private static final String CONVERSATION_COLUMNS = "id, tenant_id, customer_id, channel, status, subject, "
            + "assignee_agent_id, last_seq, created_at, updated_at, last_message_at, first_response_at, resolved_at";
    private static final String MESSAGE_COLUMNS = "id, tenant_id, conversation_id, seq, author_type, author_id, "
            + "author_name, body, internal, client_message_id, created_at";

    private final JdbcClient jdbc;

    ConversationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertConversation(long tenantId, long customerId, Channel channel, String subject, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO conversation (tenant_id, customer_id, channel, status, subject, last_seq, created_at, "
                + "updated_at) VALUES (:t, :c, :ch, 'OPEN', :s, 0, :now, :now)")
                .param("t", tenantId).param("c", customerId).param("ch", channel.name()).param("s", subject)
                .param("now", ts(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<Conversation> find(long tenantId, long id) {
        return jdbc.sql("SELECT " + CONVERSATION_COLUMNS + " FROM conversation WHERE tenant_id = :t AND id = :id")
                .param("t", tenantId).param("id", id).query(CONVERSATION).optional();
    }

    /** Locks the conversation row until the transaction ends, so that concurrent commands on it serialise. */
    public Optional<Conversation> lock(long tenantId, long id) {
        return jdbc.sql("SELECT " + CONVERSATION_COLUMNS
                + " FROM conversation WHERE tenant_id = :t AND id = :id FOR UPDATE")
                .param("t", tenantId).param("id", id).query(CONVERSATION).optional();
    }

    /**
     * Locks the customer's lock row until the transaction ends (creating it on first contact), so that deciding
     * which conversation a customer's message belongs to happens one message at a time per customer.
     */
    public void lockCustomer(long tenantId, long customerId) {
        jdbc.sql("INSERT INTO conversation_customer_lock (tenant_id, customer_id) VALUES (:t, :c) ON CONFLICT DO NOTHING")
                .param("t", tenantId).param("c", customerId).update();
        jdbc.sql("SELECT customer_id FROM conversation_customer_lock WHERE tenant_id = :t AND customer_id = :c FOR UPDATE")
                .param("t", tenantId).param("c", customerId).query(Long.class).single();
    }

    public List<Conversation> inbox(long tenantId, InboxFilter filter, int offset, int limit) {
        var where = where(tenantId, filter);
        var spec = jdbc.sql("SELECT " + CONVERSATION_COLUMNS + " FROM conversation WHERE " + where.sql
                + " ORDER BY updated_at DESC, id DESC LIMIT :limit OFFSET :offset");
        for (int i = 0; i < where.params.size(); i++) {
            spec = spec.param("p" + i, where.params.get(i));
        }
        return spec.param("limit", limit).param("offset", offset).query(CONVERSATION).list();
    }

    public long count(long tenantId, InboxFilter filter) {
        var where = where(tenantId, filter);
        var spec = jdbc.sql("SELECT COUNT(*) FROM conversation WHERE " + where.sql);
        for (int i = 0; i < where.params.size(); i++) {
            spec = spec.param("p" + i, where.params.get(i));
        }
        return spec.query(Long.class).single();
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(long tenantId, InboxFilter filter) {
        var sql = new StringBuilder("tenant_id = :p0");
        var params = new ArrayList<Object>();
        params.add(tenantId);
        switch (filter.view()) {
            case MINE -> {
                sql.append(" AND assignee_agent_id = :p").append(params.size());
                params.add(filter.viewerAgentId() == null ? -1L : filter.viewerAgentId());
            }
            case SHARED -> {
                sql.append(" AND id IN (SELECT conversation_id FROM conversation_participant WHERE tenant_id = :p0"
                        + " AND role = 'COLLABORATOR' AND left_at IS NULL AND agent_id = :p").append(params.size())
                        .append(")");
                params.add(filter.viewerAgentId() == null ? -1L : filter.viewerAgentId());
            }
            case UNASSIGNED -> sql.append(" AND assignee_agent_id IS NULL");
            case ALL -> {
            }
        }
        if (filter.status() != null) {
            sql.append(" AND status = :p").append(params.size());
            params.add(filter.status().name());
        }
        else if (filter.customerId() == null) {
            sql.append(" AND status IN ('OPEN', 'PENDING', 'WAITING_ON_CUSTOMER')");
        }
        if (filter.customerId() != null) {
            sql.append(" AND customer_id = :p").append(params.size());
            params.add(filter.customerId());
        }
        return new Where(sql.toString(), params);
    }

    public void updateStatus(long tenantId, long id, ConversationStatus status, Instant resolvedAt, Instant now) {
        jdbc.sql("UPDATE conversation SET status = :s, resolved_at = :r, updated_at = :now "
                + "WHERE tenant_id = :t AND id = :id")
                .param("s", status.name()).param("r", ts(resolvedAt)).param("now", ts(now))
                .param("t", tenantId).param("id", id).update();
    }

    public void updateAssignee(long tenantId, long id, Long agentId, Instant now) {
        jdbc.sql("UPDATE conversation SET assignee_agent_id = :a, updated_at = :now WHERE tenant_id = :t AND id = :id")
                .param("a", agentId).param("now", ts(now)).param("t", tenantId).param("id", id).update();
    }

    /** Takes the next message number; the caller holds the row lock through {@link #lock}. */
    public long nextSeq(long tenantId, long id) {
        jdbc.sql("UPDATE conversation SET last_seq = last_seq + 1 WHERE tenant_id = :t AND id = :id")
                .param("t", tenantId).param("id", id).update();
        return jdbc.sql("SELECT last_seq FROM conversation WHERE tenant_id = :t AND id = :id")
                .param("t", tenantId).param("id", id).query(Long.class).single();
    }

    public void touchMessage(long tenantId, long id, Instant now, boolean firstResponse) {
        jdbc.sql("UPDATE conversation SET updated_at = :now, last_message_at = :now"
                + (firstResponse ? ", first_response_at = :now" : "") + " WHERE tenant_id = :t AND id = :id")
                .param("now", ts(now)).param("t", tenantId).param("id", id).update();
    }

    public Message insertMessage(long tenantId, long conversationId, long seq, AuthorType type, Long authorId,
            String authorName, String body, boolean internal, String clientMessageId, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO message (tenant_id, conversation_id, seq, author_type, author_id, author_name, body, "
                + "internal, client_message_id, created_at) VALUES (:t, :c, :seq, :type, :aid, :aname, :body, "
                + ":internal, :cmid, :now)")
                .param("t", tenantId).param("c", conversationId).param("seq", seq).param("type", type.name())
                .param("aid", authorId).param("aname", authorName).param("body", body).param("internal", internal)
                .param("cmid", clientMessageId).param("now", ts(now)).update(keys, "id");
        return new Message(keys.getKeyAs(Number.class).longValue(), tenantId, conversationId, seq, type, authorId,
                authorName, body, internal, clientMessageId, now);
    }

    public Optional<Message> findByClientMessageId(long tenantId, long conversationId, String clientMessageId) {
        return jdbc.sql("SELECT " + MESSAGE_COLUMNS + " FROM message WHERE tenant_id = :t AND conversation_id = :c "
                + "AND client_message_id = :cmid")
                .param("t", tenantId).param("c", conversationId).param("cmid", clientMessageId)
                .query(MESSAGE).optional();
    }

    public List<Message> messages(long tenantId, long conversationId, long afterSeq, boolean includeInternal,
            int limit) {
        return jdbc.sql("SELECT " + MESSAGE_COLUMNS + " FROM message WHERE tenant_id = :t AND conversation_id = :c "
                + "AND seq > :after" + (includeInternal ? "" : " AND internal = FALSE")
                + " ORDER BY seq LIMIT :limit")
                .param("t", tenantId).param("c", conversationId).param("after", afterSeq).param("limit", limit)
                .query(MESSAGE).list();
    }

    public Optional<Message> lastCustomerMessage(long tenantId, long conversationId) {
        return jdbc.sql("SELECT " + MESSAGE_COLUMNS + " FROM message WHERE tenant_id = :t AND conversation_id = :c "
                + "AND author_type = 'CUSTOMER' ORDER BY seq DESC LIMIT 1")
                .param("t", tenantId).param("c", conversationId).query(MESSAGE).optional();
    }

    public void addTimeline(long tenantId, long conversationId, String kind, String detail, String actor,
            Instant now) {
        jdbc.sql("INSERT INTO conversation_timeline (tenant_id, conversation_id, kind, detail, actor, occurred_at) "
                + "VALUES (:t, :c, :k, :d, :a, :now)")
                .param("t", tenantId).param("c", conversationId).param("k", kind)
                .param("d", detail.length() > 500 ? detail.substring(0, 500) : detail).param("a", actor)
                .param("now", ts(now)).update();
    }

    public List<TimelineEntry> timeline(long tenantId, long conversationId) {
        return jdbc.sql("SELECT id, conversation_id, kind, detail, actor, occurred_at FROM conversation_timeline "
                + "WHERE tenant_id = :t AND conversation_id = :c ORDER BY occurred_at, id")
                .param("t", tenantId).param("c", conversationId)
                .query((rs, n) -> new TimelineEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), instant(rs, 6)))
                .list();
    }

    public void joinParticipant(long tenantId, long conversationId, long agentId, Participant.Role role,
            Instant now) {
        int updated = jdbc.sql("UPDATE conversation_participant SET role = :r WHERE tenant_id = :t "
                + "AND conversation_id = :c AND agent_id = :a AND left_at IS NULL")
                .param("r", role.name()).param("t", tenantId).param("c", conversationId).param("a", agentId)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO conversation_participant (tenant_id, conversation_id, agent_id, role, joined_at) "
                    + "VALUES (:t, :c, :a, :r, :now)")
                    .param("t", tenantId).param("c", conversationId).param("a", agentId).param("r", role.name())
                    .param("now", ts(now)).update();
        }
    }

    public void joinParticipantIfAbsent(long tenantId, long conversationId, long agentId, Instant now) {
        long present = jdbc.sql("SELECT COUNT(*) FROM conversation_participant WHERE tenant_id = :t "
                + "AND conversation_id = :c AND agent_id = :a AND left_at IS NULL")
                .param("t", tenantId).param("c", conversationId).param("a", agentId).query(Long.class).single();
        if (present == 0) {
            joinParticipant(tenantId, conversationId, agentId, Participant.Role.COLLABORATOR, now);
        }
    }

    public void leaveParticipant(long tenantId, long conversationId, long agentId, Instant now) {
        jdbc.sql("UPDATE conversation_participant SET left_at = :now WHERE tenant_id = :t AND conversation_id = :c "
                + "AND agent_id = :a AND left_at IS NULL")
                .param("now", ts(now)).param("t", tenantId).param("c", conversationId).param("a", agentId).update();
    }

    /**
     * The conversation's owner (first, or null when nobody owns it) and the agents taking part in it now, in one
     * statement: every live push asks it.
     */
    public List<Long> ownerAndParticipants(long tenantId, long conversationId) {
        List<Long> ids = new ArrayList<>();
        jdbc.sql("SELECT c.assignee_agent_id, p.agent_id FROM conversation c LEFT JOIN conversation_participant p "
                + "ON p.tenant_id = c.tenant_id AND p.conversation_id = c.id AND p.left_at IS NULL "
                + "WHERE c.tenant_id = :t AND c.id = :c").param("t", tenantId).param("c", conversationId)
                .query(rs -> {
                    if (ids.isEmpty()) {
                        long owner = rs.getLong(1);
                        ids.add(rs.wasNull() ? null : owner);
                    }
                    long participant = rs.getLong(2);
                    if (!rs.wasNull()) {
                        ids.add(participant);
                    }
                });
        return ids;
    }

    public List<Participant> participants(long tenantId, long conversationId) {
        return jdbc.sql("SELECT id, conversation_id, agent_id, role, joined_at, left_at, can_reply "
                + "FROM conversation_participant WHERE tenant_id = :t AND conversation_id = :c ORDER BY joined_at, id")
                .param("t", tenantId).param("c", conversationId)
                .query((rs, n) -> new Participant(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        Participant.Role.valueOf(rs.getString(4)), instant(rs, 5), instant(rs, 6), rs.getBoolean(7)))
                .list();
    }

    /** Invites a collaborator, or changes what an already present collaborator may do; an owner stays owner. */
    public void inviteCollaborator(long tenantId, long conversationId, long agentId, boolean canReply,
            String invitedBy, Instant now) {
        int updated = jdbc.sql("UPDATE conversation_participant SET can_reply = :r, invited_by = :by "
                + "WHERE tenant_id = :t AND conversation_id = :c AND agent_id = :a AND left_at IS NULL "
                + "AND role = 'COLLABORATOR'")
                .param("r", canReply).param("by", invitedBy).param("t", tenantId).param("c", conversationId)
                .param("a", agentId).update();
        long present = jdbc.sql("SELECT COUNT(*) FROM conversation_participant WHERE tenant_id = :t "
                + "AND conversation_id = :c AND agent_id = :a AND left_at IS NULL")
                .param("t", tenantId).param("c", conversationId).param("a", agentId).query(Long.class).single();
        if (updated == 0 && present == 0) {
            jdbc.sql("INSERT INTO conversation_participant (tenant_id, conversation_id, agent_id, role, joined_at, "
                    + "can_reply, invited_by) VALUES (:t, :c, :a, 'COLLABORATOR', :now, :r, :by)")
                    .param("t", tenantId).param("c", conversationId).param("a", agentId).param("now", ts(now))
                    .param("r", canReply).param("by", invitedBy).update();
        }
    }

    private static final RowMapper<Conversation> CONVERSATION = (rs, n) -> new Conversation(rs.getLong(1),
            rs.getLong(2), rs.getLong(3), Channel.valueOf(rs.getString(4)), ConversationStatus.valueOf(rs.getString(5)),
            rs.getString(6), nullableLong(rs, 7), rs.getLong(8), instant(rs, 9), instant(rs, 10), instant(rs, 11),
            instant(rs, 12), instant(rs, 13));

    private static final RowMapper<Message> MESSAGE = (rs, n) -> new Message(rs.getLong(1), rs.getLong(2),
            rs.getLong(3), rs.getLong(4), AuthorType.valueOf(rs.getString(5)), nullableLong(rs, 6), rs.getString(7),
            rs.getString(8), rs.getBoolean(9), rs.getString(10), instant(rs, 11));

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Sent as OffsetDateTime in UTC: the columns are TIMESTAMP WITH TIME ZONE on both databases. */
    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
