package io.oriole.sla.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.oriole.conversation.Channel;
import io.oriole.conversation.ConversationStatus;
import io.oriole.customer.VipTier;
import io.oriole.sla.Escalation;
import io.oriole.sla.EscalationTrigger;
import io.oriole.sla.PolicyConditions;
import io.oriole.sla.SlaCalendar;
import io.oriole.sla.SlaPolicy;
import io.oriole.sla.SlaTargets;
import io.oriole.sla.UnknownCalendarException;
import io.oriole.sla.WorkingHours;
import io.oriole.triage.PriorityLevel;
import io.oriole.triage.Urgency;

/**
 * Tenant policies and calendars: validated, stored, and applied at once to every running clock of the tenant, in
 * the same transaction, so a saved policy never leaves stale deadlines behind.
 */
@Service
public class SlaPolicies {

    private final PolicyStore store;
    private final SlaOperations operations;
    private final Clock clock;

    SlaPolicies(PolicyStore store, SlaOperations operations, Clock clock) {
        this.store = store;
        this.operations = operations;
        this.clock = clock;
    }

    public List<SlaPolicy> policies(long tenantId) {
        return store.policies(tenantId);
    }

    public Optional<SlaPolicy> policy(long tenantId, long id) {
        return store.policy(tenantId, id);
    }

    @Transactional
    public SlaPolicy create(long tenantId, SlaPolicy draft) {
        checkCalendar(tenantId, draft);
        long id;
        try {
            id = store.insertPolicy(tenantId, draft, clock.instant());
        }
        catch (DuplicateKeyException taken) {
            throw new IllegalStateException("a policy named " + draft.name() + " already exists");
        }
        operations.reapplyAll(tenantId);
        return store.policy(tenantId, id).orElseThrow();
    }

    @Transactional
    public Optional<SlaPolicy> update(long tenantId, long id, SlaPolicy draft) {
        checkCalendar(tenantId, draft);
        boolean updated;
        try {
            updated = store.updatePolicy(tenantId, id, draft, clock.instant());
        }
        catch (DuplicateKeyException taken) {
            throw new IllegalStateException("a policy named " + draft.name() + " already exists");
        }
        if (!updated) {
            return Optional.empty();
        }
        operations.reapplyAll(tenantId);
        return store.policy(tenantId, id);
    }

    @Transactional
    public boolean delete(long tenantId, long id) {
        boolean deleted = store.deletePolicy(tenantId, id);
        if (deleted) {
            operations.reapplyAll(tenantId);
        }
        return deleted;
    }

    public List<SlaCalendar> calendars(long tenantId) {
        return store.calendars(tenantId);
    }

    public Optional<SlaCalendar> calendar(long tenantId, long id) {
        return store.calendar(tenantId, id);
    }

    @Transactional
    public SlaCalendar createCalendar(long tenantId, SlaCalendar draft) {
        validate(draft);
        try {
            long id = store.insertCalendar(tenantId, draft, clock.instant());
            return store.calendar(tenantId, id).orElseThrow();
        }
        catch (DuplicateKeyException taken) {
            throw new IllegalStateException("a calendar named " + draft.name() + " already exists");
        }
    }

    @Transactional
    public Optional<SlaCalendar> updateCalendar(long tenantId, long id, SlaCalendar draft) {
        validate(draft);
        boolean updated;
        try {
            updated = store.updateCalendar(tenantId, id, draft, clock.instant());
        }
        catch (DuplicateKeyException taken) {
            throw new IllegalStateException("a calendar named " + draft.name() + " already exists");
        }
        if (!updated) {
            return Optional.empty();
        }
        operations.reapplyAll(tenantId);
        return store.calendar(tenantId, id);
    }

    /** @throws IllegalStateException while a policy still uses the calendar */
    @Transactional
    public boolean deleteCalendar(long tenantId, long id) {
        if (store.calendar(tenantId, id).isEmpty()) {
            return false;
        }
        if (store.calendarInUse(tenantId, id)) {
            throw new IllegalStateException("calendar " + id + " is used by a policy");
        }
        return store.deleteCalendar(tenantId, id);
    }

    /**
     * The demo tenant's defaults: P1 within 15 minutes around the clock with reminders and the L2/L3 ladder,
     * security incidents within 10, VIP within 30, and everything else within 2 office hours on a Shanghai
     * Monday–Friday 09:00–18:00 calendar with the 2026 public holidays. With {@code shortDemo} a "Demo: everything in 2
     * minutes" policy comes first and catches every conversation, so the warning (1 min), reminders (every minute),
     * breach (2 min) and escalation can be watched live.
     */
    @Transactional
    public void installDefaults(long tenantId, ZoneId zone, boolean shortDemo) {
        if (!store.policies(tenantId).isEmpty()) {
            return;
        }
        Map<DayOfWeek, WorkingHours> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(d, new WorkingHours(LocalTime.of(9, 0), LocalTime.of(18, 0)));
        }
        boolean mainland = zone.getId().equals("Asia/Shanghai");
        Set<LocalDate> holidays = !mainland ? Set.of() : Set.of(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-17"),
                LocalDate.parse("2026-02-18"), LocalDate.parse("2026-02-19"), LocalDate.parse("2026-04-05"),
                LocalDate.parse("2026-05-01"), LocalDate.parse("2026-06-19"), LocalDate.parse("2026-09-25"),
                LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"), LocalDate.parse("2026-10-05"));
        long office = store.insertCalendar(tenantId,
                new SlaCalendar(0, mainland ? "Shanghai office hours" : "Office hours", zone, week, holidays),
                clock.instant());
        Set<ConversationStatus> waiting = Set.of(ConversationStatus.WAITING_ON_CUSTOMER);
        Escalation ladder = new Escalation(EscalationTrigger.BREACH, Duration.ofMinutes(10), Duration.ofMinutes(10));
        if (shortDemo) {
            store.insertPolicy(tenantId, new SlaPolicy(0, "Demo: everything in 2 minutes", 5, true,
                    PolicyConditions.any(),
                    SlaTargets.minutes(2, 2, 60), null, 50, Duration.ofMinutes(1),
                    new Escalation(EscalationTrigger.BREACH, Duration.ofMinutes(2), Duration.ofMinutes(2)), waiting),
                    clock.instant());
        }
        store.insertPolicy(tenantId, new SlaPolicy(0, "Urgent P1 (24x7)", 10, true,
                new PolicyConditions(Set.of(PriorityLevel.P1), null, null, null, null, null, null),
                SlaTargets.minutes(15, 15, 240), null, 60, Duration.ofMinutes(2), ladder, waiting), clock.instant());
        store.insertPolicy(tenantId, new SlaPolicy(0, "Security incident (24x7)", 20, true,
                new PolicyConditions(null, null, null, null, null, null, Set.of(Urgency.SECURITY_INCIDENT)),
                SlaTargets.minutes(10, 15, 240), null, 60, Duration.ofMinutes(2), ladder, waiting), clock.instant());
        store.insertPolicy(tenantId, new SlaPolicy(0, "Emergency channel (24x7)", 30, true,
                new PolicyConditions(null, null, null, Set.of(Channel.ALERT, Channel.PHONE), null, null, null),
                SlaTargets.minutes(15, 30, 480), null, 75, Duration.ofMinutes(5), ladder, waiting), clock.instant());
        store.insertPolicy(tenantId, new SlaPolicy(0, "VIP (office hours)", 40, true,
                new PolicyConditions(null, Set.of(VipTier.GOLD, VipTier.PLATINUM), null, null, null, null, null),
                SlaTargets.minutes(30, 60, 480), office, 75, null,
                new Escalation(EscalationTrigger.BREACH, Duration.ofMinutes(30), Duration.ofMinutes(30)), waiting),
                clock.instant());
        store.insertPolicy(tenantId, new SlaPolicy(0, "Normal (office hours)", 100, true, PolicyConditions.any(),
                SlaTargets.minutes(120, 240, 1620), office, 75, null, Escalation.none(), waiting), clock.instant());
        operations.reapplyAll(tenantId);
    }

    private void checkCalendar(long tenantId, SlaPolicy draft) {
        if (draft.calendarId() != null && store.calendar(tenantId, draft.calendarId()).isEmpty()) {
            throw new UnknownCalendarException(draft.calendarId());
        }
    }

    private static void validate(SlaCalendar c) {
        if (c.name() == null || c.name().isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (c.week() == null || c.week().isEmpty()) {
            throw new IllegalArgumentException("a calendar needs working hours on at least one weekday");
        }
    }
}
