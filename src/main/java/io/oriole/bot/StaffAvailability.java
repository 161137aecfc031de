package io.oriole.bot;

import java.time.Instant;

import io.oriole.tenant.TenantId;

/**
 * A port: can a person pick up a handed-off conversation now? The bot uses it only to tell the customer honestly
 * whether someone will answer soon; the conversation is queued either way. The default bean answers
 * {@link Availability#AVAILABLE}; an implementation backed by agent presence and the tenant's business-hours
 * calendar replaces it (declare it {@code @Primary}).
 */
public interface StaffAvailability {

    enum Availability {
        AVAILABLE, OUTSIDE_BUSINESS_HOURS, NOBODY_ONLINE
    }

    Availability availability(TenantId tenant, Instant at);
}
