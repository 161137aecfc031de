package io.oriole.customer;

import java.time.Instant;

/** The tenant's tier rules gave a customer a new VIP tier, because its account facts or the rules changed. */
public record CustomerTierChanged(long tenantId, long customerId, VipTier from, VipTier to, Instant occurredAt) {
}
