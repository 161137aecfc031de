package io.oriole.customer.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.oriole.customer.Customer;
import io.oriole.customer.CustomerKind;
import io.oriole.customer.VipTier;

/**
 * The customer read that every message makes (the widget's send, triage's tier, routing's segments, the SLA's
 * facts), as one plain statement. Through the repository's derived query the same read cost several times more in
 * query derivation and entity mapping than in the database; writes stay on the repository.
 */
@Component
public class CustomerRows {

    private static final String COLUMNS = "id, tenant_id, kind, name, organisation, email, phone, vip_tier, "
            + "external_id, visitor_id, locale, conversation_count, last_conversation_at, created_at";

    private final JdbcClient jdbc;

    CustomerRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Customer> find(long tenantId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer WHERE tenant_id = :t AND id = :id")
                .param("t", tenantId).param("id", id).query(CustomerRows::customer).optional();
    }

    private static Customer customer(ResultSet rs, int n) throws SQLException {
        OffsetDateTime last = rs.getObject(13, OffsetDateTime.class);
        return new Customer(rs.getLong(1), rs.getLong(2), CustomerKind.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), VipTier.valueOf(rs.getString(8)),
                rs.getString(9), rs.getString(10), rs.getString(11), rs.getInt(12),
                last == null ? null : last.toInstant(), rs.getObject(14, OffsetDateTime.class).toInstant());
    }
}
