package io.oriole.web.widget;

import java.time.Instant;

/** Who a widget request speaks for: one customer of one tenant, until {@code expiresAt}. */
record VisitorToken(long tenantId, long customerId, String visitorId, Instant expiresAt) {
}
