package io.oriole.customer.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.oriole.customer.AccountFacts;
import io.oriole.customer.TierRule;
import io.oriole.customer.VipTier;

/** SQL for account facts and tier rules. Every statement filters on tenant_id. */
@Repository
public class TierStore {

    private final JdbcClient jdbc;

    TierStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AccountFacts> facts(long tenantId, long customerId) {
        return jdbc.sql("SELECT employees, monthly_spend, customer_since FROM customer_account_facts "
                + "WHERE tenant_id = :t AND customer_id = :c").param("t", tenantId).param("c", customerId)
                .query((rs, n) -> facts(rs.getObject(1, Integer.class), rs.getBigDecimal(2), rs.getDate(3)))
                .optional();
    }

    /** Every customer of the tenant that has account facts, by customer id. */
    public Map<Long, AccountFacts> allFacts(long tenantId) {
        return jdbc.sql("SELECT customer_id, employees, monthly_spend, customer_since FROM customer_account_facts "
                + "WHERE tenant_id = :t").param("t", tenantId)
                .query((rs, n) -> Map.entry(rs.getLong(1),
                        facts(rs.getObject(2, Integer.class), rs.getBigDecimal(3), rs.getDate(4))))
                .list().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public void saveFacts(long tenantId, long customerId, AccountFacts f, Instant now) {
        int updated = jdbc.sql("UPDATE customer_account_facts SET employees = :e, monthly_spend = :s, "
                + "customer_since = :since, updated_at = :at WHERE tenant_id = :t AND customer_id = :c")
                .param("e", f.employees()).param("s", f.monthlySpend()).param("since", date(f.customerSince()))
                .param("at", now.atOffset(ZoneOffset.UTC)).param("t", tenantId).param("c", customerId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO customer_account_facts (customer_id, tenant_id, employees, monthly_spend, "
                    + "customer_since, updated_at) VALUES (:c, :t, :e, :s, :since, :at)")
                    .param("e", f.employees()).param("s", f.monthlySpend()).param("since", date(f.customerSince()))
                    .param("at", now.atOffset(ZoneOffset.UTC)).param("t", tenantId).param("c", customerId).update();
        }
    }

    public List<TierRule> rules(long tenantId) {
        return jdbc.sql("SELECT tier, min_employees, min_monthly_spend, min_months FROM customer_tier_rule "
                + "WHERE tenant_id = :t ORDER BY tier").param("t", tenantId)
                .query((rs, n) -> new TierRule(VipTier.valueOf(rs.getString(1)), rs.getObject(2, Integer.class),
                        rs.getBigDecimal(3), rs.getObject(4, Integer.class)))
                .list();
    }

    public void replaceRules(long tenantId, List<TierRule> rules) {
        jdbc.sql("DELETE FROM customer_tier_rule WHERE tenant_id = :t").param("t", tenantId).update();
        for (TierRule r : rules) {
            jdbc.sql("INSERT INTO customer_tier_rule (tenant_id, tier, min_employees, min_monthly_spend, min_months) "
                    + "VALUES (:t, :tier, :e, :s, :m)").param("t", tenantId).param("tier", r.tier().name())
                    .param("e", r.minEmployees()).param("s", r.minMonthlySpend()).param("m", r.minMonths()).update();
        }
    }

    /** Sets the tier and reports the one it replaced, or empty when the customer is not the tenant's. */
    public Optional<VipTier> setTier(long tenantId, long customerId, VipTier tier) {
        Optional<VipTier> before = jdbc.sql("SELECT vip_tier FROM customer WHERE tenant_id = :t AND id = :c FOR UPDATE")
                .param("t", tenantId).param("c", customerId).query((rs, n) -> VipTier.valueOf(rs.getString(1)))
                .optional();
        before.filter(b -> b != tier).ifPresent(b -> jdbc.sql("UPDATE customer SET vip_tier = :v "
                + "WHERE tenant_id = :t AND id = :c").param("v", tier.name()).param("t", tenantId)
                .param("c", customerId).update());
        return before;
    }

    public List<Long> tenantsWithRules() {
        return jdbc.sql("SELECT DISTINCT tenant_id FROM customer_tier_rule").query(Long.class).list();
    }

    private static AccountFacts facts(Integer employees, BigDecimal spend, Date since) {
        return new AccountFacts(employees, spend, since == null ? null : since.toLocalDate());
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
