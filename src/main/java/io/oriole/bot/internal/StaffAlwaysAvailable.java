package io.oriole.bot.internal;

import java.time.Instant;

import org.springframework.stereotype.Component;

import io.oriole.bot.StaffAvailability;
import io.oriole.tenant.TenantId;

/**
 * The default {@link StaffAvailability} until agent presence and business-hours calendars are wired in: it
 * assumes someone can answer, so the bot says "connecting you to an agent". A {@code @Primary} implementation
 * elsewhere replaces it.
 */
@Component
class StaffAlwaysAvailable implements StaffAvailability {

    @Override
    public Availability availability(TenantId tenant, Instant at) {
        return Availability.AVAILABLE;
    }
}
