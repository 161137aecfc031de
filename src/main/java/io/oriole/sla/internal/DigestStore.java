package io.oriole.sla.internal;

import static io.oriole.sla.internal.ClockStore.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.oriole.sla.SlaDigest;

/** The supervisors' stored digests ({@code sla_digest}). */
@Repository
class DigestStore {

    private final JdbcClient jdbc;

    DigestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the period's digest unless another node wrote it first; true when this call wrote it. */
    boolean insert(long tenantId, SlaDigest d) {
        return jdbc.sql("INSERT INTO sla_digest (tenant_id, period_start, period_end, open_urgent, at_risk, overdue,"
                + " breaches, body, created_at) VALUES (:t, :from, :to, :urgent, :risk, :overdue, :breaches, :body,"
                + " :now) ON CONFLICT DO NOTHING").param("t", tenantId).param("from", ts(d.periodStart()))
                .param("to", ts(d.periodEnd())).param("urgent", d.openUrgent()).param("risk", d.atRisk())
                .param("overdue", d.overdue()).param("breaches", d.breaches()).param("body", d.body())
                .param("now", ts(d.createdAt())).update() == 1;
    }

    Optional<Instant> lastPeriodEnd(long tenantId) {
        return jdbc.sql("SELECT MAX(period_end) FROM sla_digest WHERE tenant_id = :t").param("t", tenantId)
                .query((rs, n) -> {
                    OffsetDateTime v = rs.getObject(1, OffsetDateTime.class);
                    return v == null ? null : v.toInstant();
                }).optional();
    }

    List<SlaDigest> latest(long tenantId, int limit) {
        return jdbc.sql("SELECT id, period_start, period_end, open_urgent, at_risk, overdue, breaches, body,"
                + " created_at, emailed_at FROM sla_digest WHERE tenant_id = :t ORDER BY period_end DESC LIMIT :n")
                .param("t", tenantId).param("n", limit).query(DigestStore::digest).list();
    }

    private static SlaDigest digest(ResultSet rs, int n) throws SQLException {
        return new SlaDigest(rs.getLong("id"), instant(rs, "period_start"), instant(rs, "period_end"),
                rs.getInt("open_urgent"), rs.getInt("at_risk"), rs.getInt("overdue"), rs.getInt("breaches"),
                rs.getString("body"), instant(rs, "created_at"), instant(rs, "emailed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime v = rs.getObject(column, OffsetDateTime.class);
        return v == null ? null : v.toInstant();
    }
}
