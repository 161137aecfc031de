package io.oriole.customer.internal;

import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.oriole.customer.CustomerManagement;
import io.oriole.tenant.TenantId;

/**
 * Relationship length grows without any event, so tiers that depend on it are recomputed once a night. The job is
 * idempotent: running it twice, or on two nodes, changes nothing the second time.
 */
@Component
class DailyTierRecompute {

    private final TierStore tiers;
    private final CustomerManagement customers;

    DailyTierRecompute(TierStore tiers, @Lazy CustomerManagement customers) {
        this.tiers = tiers;
        this.customers = customers;
    }

    @Scheduled(cron = "${oriole.customer.tier-recompute-cron:0 30 2 * * *}", zone = "UTC")
    void recompute() {
        for (long tenant : tiers.tenantsWithRules()) {
            customers.recomputeTiers(new TenantId(tenant));
        }
    }
}
