package io.oriole.web.widget;

import java.time.Instant;

/**
 * Who a widget request speaks for, until {@code expiresAt}: an identified customer ({@code customerId}), or an
 * anonymous visitor ({@code visitorId}) whose customer row is created with their first message, so
 * {@code customerId} is 0 until a session after that message renews the token. {@code issuedAt} is when the visitor's
 * first token was issued; renewals keep it, so no chain of renewals outlives the absolute lifetime. {@code name} and
 * {@code locale} are what the visitor's first message will create the customer with.
 */
record VisitorToken(long tenantId, long customerId, String visitorId, Instant issuedAt, Instant expiresAt,
        String name, String locale) {

    boolean hasCustomer() {
        return customerId > 0;
    }
}
