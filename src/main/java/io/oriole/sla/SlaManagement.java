package io.oriole.sla;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.oriole.sla.internal.SlaPolicies;
import io.oriole.sla.internal.SlaReports;
import io.oriole.sla.internal.SlaScanner;
import io.oriole.tenant.TenantId;

/**
 * Questions and commands about SLAs that other modules, the UI and the API may ask. Routing orders its queues with
 * {@link #earliestDeadlines} and {@link #status}, and listens to {@link SlaEscalated} to move a conversation up a
 * tier; the SLA module itself never reassigns.
 */
@Service
public class SlaManagement {

    private final SlaPolicies policies;
    private final SlaReports reports;
    private final SlaScanner scanner;

    SlaManagement(SlaPolicies policies, SlaReports reports, SlaScanner scanner) {
        this.policies = policies;
        this.reports = reports;
        this.scanner = scanner;
    }

    // --- for routing and the faces ---

    /** The earliest running deadline of each given conversation; conversations without one are left out. */
    public Map<Long, Instant> earliestDeadlines(TenantId tenant, Collection<Long> conversationIds) {
        return reports.earliestDeadlines(tenant.value(), conversationIds);
    }

    /** Where the conversation stands now; empty when the SLA module has not seen it (yet). */
    public Optional<SlaStatus> status(TenantId tenant, long conversationId) {
        return reports.status(tenant.value(), conversationId);
    }

    public Map<Long, SlaStatus> statuses(TenantId tenant, Collection<Long> conversationIds) {
        return reports.statuses(tenant.value(), conversationIds);
    }

    /** The conversation's SLA history, oldest first. */
    public List<SlaRecord> events(TenantId tenant, long conversationId) {
        return reports.events(tenant.value(), conversationId);
    }

    /** Running clocks, soonest deadline first (the supervisors' at-risk and breached lists filter these). */
    public List<SlaStatus> running(TenantId tenant, int limit) {
        return reports.running(tenant.value(), Math.max(1, Math.min(1000, limit)));
    }

    /** Attainment per metric and priority for deadlines settled in {@code [from, to)}. */
    public List<Attainment> attainment(TenantId tenant, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        return reports.attainment(tenant.value(), from, to);
    }

    public List<SlaDigest> digests(TenantId tenant, int limit) {
        return reports.digests(tenant.value(), Math.max(1, Math.min(100, limit)));
    }

    /** Writes the digest of the period that just ended, if no node has; true when this call wrote it. */
    public boolean writeDigest(TenantId tenant) {
        return reports.writeDigest(tenant.value());
    }

    /** Acts on everything due right now instead of waiting for the next scheduled scan; returns how many. */
    public int scanNow() {
        return scanner.scan();
    }

    // --- policies and calendars ---

    public List<SlaPolicy> policies(TenantId tenant) {
        return policies.policies(tenant.value());
    }

    public Optional<SlaPolicy> policy(TenantId tenant, long id) {
        return policies.policy(tenant.value(), id);
    }

    /**
     * Stores a policy ({@code id} of the draft is ignored) and re-matches every running conversation.
     *
     * @throws UnknownCalendarException when the calendar is not the tenant's
     * @throws IllegalStateException when the name is taken
     */
    public SlaPolicy createPolicy(TenantId tenant, SlaPolicy draft) {
        return policies.create(tenant.value(), draft);
    }

    public Optional<SlaPolicy> updatePolicy(TenantId tenant, long id, SlaPolicy draft) {
        return policies.update(tenant.value(), id, draft);
    }

    public boolean deletePolicy(TenantId tenant, long id) {
        return policies.delete(tenant.value(), id);
    }

    /**
     * Whether the tenant's business hours (its first calendar) are running at {@code at}; a tenant without a
     * calendar is always open.
     */
    public boolean withinBusinessHours(TenantId tenant, Instant at) {
        return calendars(tenant).stream().min(java.util.Comparator.comparingLong(SlaCalendar::id))
                .map(c -> c.toBusinessCalendar().workingTimeBetween(at, at.plus(java.time.Duration.ofMinutes(1)))
                        .compareTo(java.time.Duration.ZERO) > 0)
                .orElse(true);
    }

    public List<SlaCalendar> calendars(TenantId tenant) {
        return policies.calendars(tenant.value());
    }

    public Optional<SlaCalendar> calendar(TenantId tenant, long id) {
        return policies.calendar(tenant.value(), id);
    }

    public SlaCalendar createCalendar(TenantId tenant, SlaCalendar draft) {
        return policies.createCalendar(tenant.value(), draft);
    }

    public Optional<SlaCalendar> updateCalendar(TenantId tenant, long id, SlaCalendar draft) {
        return policies.updateCalendar(tenant.value(), id, draft);
    }

    /** @throws IllegalStateException while a policy uses the calendar */
    public boolean deleteCalendar(TenantId tenant, long id) {
        return policies.deleteCalendar(tenant.value(), id);
    }

    /**
     * Installs the default policies and office-hours calendar (see {@code docs/sla.md}) into a tenant that has no
     * policy yet; {@code shortDemo} puts a 2-minute policy for every conversation first, for demonstrations.
     */
    public void installDefaults(TenantId tenant, boolean shortDemo) {
        installDefaults(tenant, java.time.ZoneId.of("Asia/Shanghai"), shortDemo);
    }

    /**
     * The same, with the office-hours calendar in {@code zone}: Monday to Friday 09:00-18:00 there, with the
     * mainland's public holidays only when the zone is Asia/Shanghai.
     */
    public void installDefaults(TenantId tenant, java.time.ZoneId zone, boolean shortDemo) {
        policies.installDefaults(tenant.value(), zone, shortDemo);
    }
}
