package io.oriole.web.api;

import java.net.URI;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.oriole.conversation.Channel;
import io.oriole.conversation.ConversationManagement;
import io.oriole.conversation.ConversationStatus;
import io.oriole.customer.CustomerKind;
import io.oriole.customer.VipTier;
import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.StaffPrincipal;
import io.oriole.sla.Attainment;
import io.oriole.sla.Escalation;
import io.oriole.sla.EscalationTrigger;
import io.oriole.sla.PolicyConditions;
import io.oriole.sla.SlaCalendar;
import io.oriole.sla.SlaDigest;
import io.oriole.sla.SlaManagement;
import io.oriole.sla.SlaMetric;
import io.oriole.sla.SlaPolicy;
import io.oriole.sla.SlaRecord;
import io.oriole.sla.SlaStatus;
import io.oriole.sla.SlaTargets;
import io.oriole.sla.UnknownCalendarException;
import io.oriole.sla.WorkingHours;
import io.oriole.triage.Category;
import io.oriole.triage.PriorityLevel;
import io.oriole.triage.Urgency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "SLA", description = "Response-time policies, calendars, each conversation's deadlines and attainment")
class SlaController {

    private final SlaManagement sla;
    private final ConversationManagement conversations;

    SlaController(SlaManagement sla, ConversationManagement conversations) {
        this.sla = sla;
        this.conversations = conversations;
    }

    /** Conditions: every non-empty list must contain the conversation's value; empty or missing accepts any. */
    record Conditions(@NoNullItems Set<PriorityLevel> priorities, @NoNullItems Set<VipTier> vipTiers,
            @NoNullItems Set<CustomerKind> customerKinds, @NoNullItems Set<Channel> channels,
            @NoNullItems Set<Category> categories, @NoNullItems Set<@NotBlank @Size(max = 120) String> intents,
            @NoNullItems Set<Urgency> urgencies) {

        PolicyConditions toConditions() {
            return new PolicyConditions(priorities, vipTiers, customerKinds, channels, categories, intents, urgencies);
        }

        static Conditions of(PolicyConditions c) {
            return new Conditions(c.priorities(), c.vipTiers(), c.customerKinds(), c.channels(), c.categories(),
                    c.intents(), c.urgencies());
        }
    }

    /**
     * A policy as written: targets in minutes (null = no promise for that metric), {@code calendarId} null for
     * around the clock, warning at {@code warnAtPercent} of the target, reminders every {@code reminderMinutes}
     * after the warning until answered, and the escalation ladder.
     */
    record SavePolicy(@NotBlank @Size(max = 120) String name, @NotNull @Min(0) @Max(100_000) Integer position,
            Boolean enabled, @Valid Conditions conditions, @Min(1) @Max(525_600) Integer firstResponseMinutes,
            @Min(1) @Max(525_600) Integer nextResponseMinutes, @Min(1) @Max(525_600) Integer resolutionMinutes,
            Long calendarId, @Min(1) @Max(99) Integer warnAtPercent, @Min(1) @Max(1440) Integer reminderMinutes,
            EscalationTrigger escalateOn, @Min(1) @Max(10_080) Integer l2JoinMinutes,
            @Min(1) @Max(10_080) Integer l3JoinMinutes, @NoNullItems Set<ConversationStatus> pauseStatuses) {

        SlaPolicy toPolicy() {
            return new SlaPolicy(0, name.strip(), position, enabled == null || enabled,
                    conditions == null ? PolicyConditions.any() : conditions.toConditions(),
                    SlaTargets.minutes(firstResponseMinutes, nextResponseMinutes, resolutionMinutes), calendarId,
                    warnAtPercent == null ? 75 : warnAtPercent,
                    reminderMinutes == null ? null : java.time.Duration.ofMinutes(reminderMinutes),
                    new Escalation(escalateOn == null ? EscalationTrigger.NEVER : escalateOn,
                            l2JoinMinutes == null ? null : java.time.Duration.ofMinutes(l2JoinMinutes),
                            l3JoinMinutes == null ? null : java.time.Duration.ofMinutes(l3JoinMinutes)),
                    pauseStatuses == null ? Set.of(ConversationStatus.WAITING_ON_CUSTOMER) : pauseStatuses);
        }
    }

    record PolicyResponse(long id, String name, int position, boolean enabled, Conditions conditions,
            Long firstResponseMinutes, Long nextResponseMinutes, Long resolutionMinutes, Long calendarId,
            int warnAtPercent, Long reminderMinutes, EscalationTrigger escalateOn, Long l2JoinMinutes,
            Long l3JoinMinutes, Set<ConversationStatus> pauseStatuses) {

        static PolicyResponse of(SlaPolicy p) {
            return new PolicyResponse(p.id(), p.name(), p.position(), p.enabled(), Conditions.of(p.conditions()),
                    minutes(p.targets().firstResponse()), minutes(p.targets().nextResponse()),
                    minutes(p.targets().resolution()), p.calendarId(), p.warnAtPercent(), minutes(p.reminderEvery()),
                    p.escalation().trigger(), minutes(p.escalation().l2Join()), minutes(p.escalation().l3Join()),
                    p.pauseStatuses());
        }

        private static Long minutes(java.time.Duration d) {
            return d == null ? null : d.toMinutes();
        }
    }

    /** Local working hours of one weekday, for example {@code {"open": "09:00", "close": "18:00"}}. */
    record Hours(@NotNull LocalTime open, @NotNull LocalTime close) {
    }

    /** A calendar: an IANA time zone such as {@code Asia/Shanghai}, hours per weekday, holiday dates. */
    record SaveCalendar(@NotBlank @Size(max = 120) String name, @NotBlank @Size(max = 64) String timeZone,
            @NoNullItems @NotEmpty Map<DayOfWeek, @NotNull @Valid Hours> week,
            @NoNullItems Set<@NotNull LocalDate> holidays) {

        SlaCalendar toCalendar() {
            ZoneId zone;
            try {
                zone = ZoneId.of(timeZone.strip());
            }
            catch (DateTimeException unknown) {
                throw new InvalidFieldException("timeZone", "must be an IANA time zone such as Asia/Shanghai");
            }
            Map<DayOfWeek, WorkingHours> hours = new EnumMap<>(DayOfWeek.class);
            week.forEach((day, h) -> {
                if (!h.open().isBefore(h.close())) {
                    throw new InvalidFieldException("week." + day, "open must be before close");
                }
                hours.put(day, new WorkingHours(h.open(), h.close()));
            });
            return new SlaCalendar(0, name.strip(), zone, hours, holidays == null ? Set.of() : holidays);
        }
    }

    record CalendarResponse(long id, String name, String timeZone, Map<DayOfWeek, Hours> week,
            List<LocalDate> holidays) {

        static CalendarResponse of(SlaCalendar c) {
            Map<DayOfWeek, Hours> week = new EnumMap<>(DayOfWeek.class);
            c.week().forEach((d, h) -> week.put(d, new Hours(h.open(), h.close())));
            return new CalendarResponse(c.id(), c.name(), c.zone().getId(), week,
                    c.holidays().stream().sorted().toList());
        }
    }

    /** A conversation's SLA now and its history; {@code status.state} NONE until the SLA module has seen it. */
    record ConversationSlaResponse(SlaStatus status, List<SlaRecord> events) {
    }

    record AttainmentResponse(SlaMetric metric, PriorityLevel priority, long met, long missed, long total,
            double rate) {

        static AttainmentResponse of(Attainment a) {
            return new AttainmentResponse(a.metric(), a.priority(), a.met(), a.missed(), a.total(), a.rate());
        }
    }

    record AttainmentReport(Instant from, Instant to, List<AttainmentResponse> figures) {
    }

    // --- conversations ---

    @RequiresPermission(Permission.VIEW_CONVERSATIONS)
    @GetMapping("/conversations/{id}/sla")
    @Operation(summary = "The conversation's SLA: policy, deadlines, state, escalation and every recorded SLA fact")
    ConversationSlaResponse conversationSla(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        conversations.get(me.tenantId(), id);
        SlaStatus status = sla.status(me.tenantId(), id).orElse(new SlaStatus(id, null, null, SlaStatus.State.NONE,
                null, null, null, null, null, null, false, null, Set.of(), null));
        return new ConversationSlaResponse(status, sla.events(me.tenantId(), id));
    }

    @RequiresPermission(Permission.VIEW_CONVERSATIONS)
    @GetMapping("/sla/running")
    @Operation(summary = "Conversations with running deadlines, soonest first",
            description = "state filters to AT_RISK or BREACHED for the supervisors' lists")
    List<SlaStatus> running(@AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(required = false) SlaStatus.State state,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return sla.running(me.tenantId(), 1000).stream().filter(s -> state == null || s.state() == state)
                .limit(limit).toList();
    }

    @RequiresPermission(Permission.VIEW_REPORTS)
    @GetMapping("/sla/attainment")
    @Operation(summary = "Share of deadlines kept per metric and priority for deadlines settled in [from, to)",
            description = "A deadline counts once: met when fulfilled in time, missed when fulfilled late or "
                    + "breached and never fulfilled. priority is absent for conversations not yet triaged.")
    AttainmentReport attainment(@AuthenticationPrincipal StaffPrincipal me, @RequestParam Instant from,
            @RequestParam Instant to) {
        if (!from.isBefore(to)) {
            throw new InvalidFieldException("to", "must be after from");
        }
        return new AttainmentReport(from, to, sla.attainment(me.tenantId(), from, to).stream()
                .map(AttainmentResponse::of).toList());
    }

    @RequiresPermission(Permission.VIEW_SLA_DIGESTS)
    @GetMapping("/sla/digests")
    @Operation(summary = "The supervisors' periodic digests, newest first")
    List<SlaDigest> digests(@AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit) {
        return sla.digests(me.tenantId(), limit);
    }

    // --- policies ---

    @RequiresPermission(Permission.VIEW_SETTINGS)
    @GetMapping("/sla/policies")
    @Operation(summary = "The tenant's SLA policies in matching order")
    List<PolicyResponse> policies(@AuthenticationPrincipal StaffPrincipal me) {
        return sla.policies(me.tenantId()).stream().map(PolicyResponse::of).toList();
    }

    @RequiresPermission(Permission.VIEW_SETTINGS)
    @GetMapping("/sla/policies/{id}")
    PolicyResponse policy(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        return sla.policy(me.tenantId(), id).map(PolicyResponse::of)
                .orElseThrow(() -> new UnknownIdException("policy", id));
    }

    @RequiresPermission(Permission.MANAGE_SLA)
    @PostMapping("/sla/policies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a policy; running conversations are re-matched at once")
    ResponseEntity<PolicyResponse> createPolicy(@AuthenticationPrincipal StaffPrincipal me,
            @Valid @RequestBody SavePolicy request) {
        SlaPolicy created = withCalendarField(() -> sla.createPolicy(me.tenantId(), draft(request)));
        return ResponseEntity.created(URI.create("/api/v1/sla/policies/" + created.id()))
                .body(PolicyResponse.of(created));
    }

    @RequiresPermission(Permission.MANAGE_SLA)
    @PutMapping("/sla/policies/{id}")
    @Operation(summary = "Replace a policy; running conversations are re-matched at once")
    PolicyResponse updatePolicy(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @Valid @RequestBody SavePolicy request) {
        return withCalendarField(() -> sla.updatePolicy(me.tenantId(), id, draft(request))).map(PolicyResponse::of)
                .orElseThrow(() -> new UnknownIdException("policy", id));
    }

    @RequiresPermission(Permission.MANAGE_SLA)
    @DeleteMapping("/sla/policies/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deletePolicy(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        if (!sla.deletePolicy(me.tenantId(), id)) {
            throw new UnknownIdException("policy", id);
        }
    }

    // --- calendars ---

    @RequiresPermission(Permission.VIEW_SETTINGS)
    @GetMapping("/sla/calendars")
    List<CalendarResponse> calendars(@AuthenticationPrincipal StaffPrincipal me) {
        return sla.calendars(me.tenantId()).stream().map(CalendarResponse::of).toList();
    }

    @RequiresPermission(Permission.VIEW_SETTINGS)
    @GetMapping("/sla/calendars/{id}")
    CalendarResponse calendar(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        return sla.calendar(me.tenantId(), id).map(CalendarResponse::of)
                .orElseThrow(() -> new UnknownIdException("calendar", id));
    }

    @RequiresPermission(Permission.MANAGE_SLA)
    @PostMapping("/sla/calendars")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CalendarResponse> createCalendar(@AuthenticationPrincipal StaffPrincipal me,
            @Valid @RequestBody SaveCalendar request) {
        SlaCalendar created = sla.createCalendar(me.tenantId(), request.toCalendar());
        return ResponseEntity.created(URI.create("/api/v1/sla/calendars/" + created.id()))
                .body(CalendarResponse.of(created));
    }

    @RequiresPermission(Permission.MANAGE_SLA)
    @PutMapping("/sla/calendars/{id}")
    CalendarResponse updateCalendar(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @Valid @RequestBody SaveCalendar request) {
        return sla.updateCalendar(me.tenantId(), id, request.toCalendar()).map(CalendarResponse::of)
                .orElseThrow(() -> new UnknownIdException("calendar", id));
    }

    @RequiresPermission(Permission.MANAGE_SLA)
    @DeleteMapping("/sla/calendars/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteCalendar(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        if (!sla.deleteCalendar(me.tenantId(), id)) {
            throw new UnknownIdException("calendar", id);
        }
    }

    private static SlaPolicy draft(SavePolicy request) {
        try {
            return request.toPolicy();
        }
        catch (IllegalArgumentException e) {
            throw new InvalidFieldException(fieldOf(e.getMessage()), e.getMessage());
        }
    }

    private static String fieldOf(String message) {
        return message == null ? "body" : message.split(" ")[0];
    }

    private static <T> T withCalendarField(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        }
        catch (UnknownCalendarException e) {
            throw new InvalidFieldException("calendarId", "unknown calendar");
        }
    }

}
