package io.oriole.bot.internal;

import java.time.Instant;

import org.springframework.stereotype.Component;

import io.oriole.agent.PresenceManagement;
import io.oriole.bot.StaffAvailability;
import io.oriole.sla.SlaManagement;
import io.oriole.tenant.TenantId;

/**
 * Tells the bot whether a person can pick up a handed-off conversation soon, so it can say so honestly. Someone
 * online means yes, at any hour. With nobody online, the tenant's business-hours calendar (its first SLA calendar)
 * tells "outside business hours" from "nobody online right now"; a tenant without a calendar gets the latter.
 */
@Component
class PresenceAndHoursAvailability implements StaffAvailability {

    private final PresenceManagement presence;
    private final SlaManagement sla;

    PresenceAndHoursAvailability(PresenceManagement presence, SlaManagement sla) {
        this.presence = presence;
        this.sla = sla;
    }

    @Override
    public Availability availability(TenantId tenant, Instant at) {
        if (!presence.online(tenant).isEmpty()) {
            return Availability.AVAILABLE;
        }
        return sla.withinBusinessHours(tenant, at) ? Availability.NOBODY_ONLINE : Availability.OUTSIDE_BUSINESS_HOURS;
    }
}
