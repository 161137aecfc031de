package io.oriole.tenant;

import java.time.Instant;

/** A platform operator suspended the tenant: open staff sessions and sockets of it end. */
public record TenantSuspended(TenantId tenant, Instant occurredAt) {
}
