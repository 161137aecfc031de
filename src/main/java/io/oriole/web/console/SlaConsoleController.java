package io.oriole.web.console;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.oriole.agent.Agent;
import io.oriole.agent.AgentManagement;
import io.oriole.conversation.Channel;
import io.oriole.conversation.ConversationStatus;
import io.oriole.customer.VipTier;
import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.StaffPrincipal;
import io.oriole.sla.Escalation;
import io.oriole.sla.EscalationTrigger;
import io.oriole.sla.PolicyConditions;
import io.oriole.sla.SlaCalendar;
import io.oriole.sla.SlaManagement;
import io.oriole.sla.SlaPolicy;
import io.oriole.sla.SlaStatus;
import io.oriole.sla.SlaTargets;
import io.oriole.sla.WorkingHours;
import io.oriole.triage.PriorityLevel;
import io.oriole.triage.Urgency;

/**
 * The supervisors' SLA page: at-risk and breached conversations, attainment, digests, and (for admins) the
 * tenant's policies and calendars as simple forms. Lists in the forms are comma-separated enum names.
 */
@Controller
class SlaConsoleController {

    private final SlaManagement sla;
    private final AgentManagement agents;
    private final java.time.Clock clock;

    SlaConsoleController(SlaManagement sla, AgentManagement agents, java.time.Clock clock) {
        this.sla = sla;
        this.agents = agents;
        this.clock = clock;
    }

    /** The policy form; blank numbers mean "no target". */
    record PolicyForm(Long id, String name, Integer position, Boolean enabled, String priorities, String vipTiers,
            String channels, String urgencies, Integer firstResponse, Integer nextResponse, Integer resolution,
            Long calendarId, Integer warnAt, Integer reminder, EscalationTrigger escalateOn, Integer l2, Integer l3) {
    }

    record CalendarForm(Long id, String name, String zone, String week, String holidays) {
    }

    @RequiresPermission(Permission.VIEW_REPORTS)
    @GetMapping("/console/sla")
    String page(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) Long edit, Model model) {
        List<SlaStatus> running = sla.running(me.tenantId(), 500);
        model.addAttribute("me", me);
        model.addAttribute("atRisk", running.stream().filter(s -> s.state() == SlaStatus.State.AT_RISK).toList());
        model.addAttribute("breached", running.stream().filter(s -> s.state() == SlaStatus.State.BREACHED).toList());
        model.addAttribute("agentNames", agents.list(me.tenantId()).stream()
                .collect(Collectors.toMap(Agent::id, Agent::displayName)));
        model.addAttribute("policies", sla.policies(me.tenantId()));
        model.addAttribute("calendars", sla.calendars(me.tenantId()));
        model.addAttribute("calendarNames", sla.calendars(me.tenantId()).stream()
                .collect(Collectors.toMap(SlaCalendar::id, SlaCalendar::name)));
        model.addAttribute("digests", sla.digests(me.tenantId(), 5));
        var now = clock.instant();
        model.addAttribute("attainment", sla.attainment(me.tenantId(), now.minus(7, ChronoUnit.DAYS),
                now.plusSeconds(1)));
        model.addAttribute("triggers", EscalationTrigger.values());
        model.addAttribute("form", edit == null ? null : sla.policy(me.tenantId(), edit).orElse(null));
        return "console/sla";
    }

    @RequiresPermission(Permission.MANAGE_SLA)
    @PostMapping("/console/sla/policies")
    String savePolicy(@AuthenticationPrincipal StaffPrincipal me, @ModelAttribute PolicyForm form,
            RedirectAttributes flash) {
        try {
            SlaPolicy draft = new SlaPolicy(0, form.name() == null ? "" : form.name().strip(),
                    form.position() == null ? 100 : form.position(), Boolean.TRUE.equals(form.enabled()),
                    new PolicyConditions(enums(form.priorities(), PriorityLevel::valueOf),
                            enums(form.vipTiers(), VipTier::valueOf), null, enums(form.channels(), Channel::valueOf),
                            null, null, enums(form.urgencies(), Urgency::valueOf)),
                    SlaTargets.minutes(form.firstResponse(), form.nextResponse(), form.resolution()),
                    form.calendarId(), form.warnAt() == null ? 75 : form.warnAt(),
                    form.reminder() == null ? null : Duration.ofMinutes(form.reminder()),
                    new Escalation(form.escalateOn(), minutes(form.l2()), minutes(form.l3())),
                    Set.of(ConversationStatus.WAITING_ON_CUSTOMER));
            if (form.id() == null) {
                sla.createPolicy(me.tenantId(), draft);
            }
            else if (sla.updatePolicy(me.tenantId(), form.id(), draft).isEmpty()) {
                throw new IllegalArgumentException("policy " + form.id() + " not found");
            }
            flash.addFlashAttribute("saved", true);
        }
        catch (RuntimeException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/sla";
    }

    @RequiresPermission(Permission.MANAGE_SLA)
    @PostMapping("/console/sla/policies/{id}/delete")
    String deletePolicy(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        sla.deletePolicy(me.tenantId(), id);
        return "redirect:/console/sla";
    }

    @RequiresPermission(Permission.MANAGE_SLA)
    @PostMapping("/console/sla/calendars")
    String saveCalendar(@AuthenticationPrincipal StaffPrincipal me, @ModelAttribute CalendarForm form,
            RedirectAttributes flash) {
        try {
            Map<DayOfWeek, WorkingHours> week = new EnumMap<>(DayOfWeek.class);
            for (String day : (form.week() == null ? "" : form.week()).split(",")) {
                if (day.isBlank()) {
                    continue;
                }
                String[] kv = day.strip().split("=");
                String[] hours = kv[1].split("-");
                DayOfWeek d = Arrays.stream(DayOfWeek.values()).filter(x -> x.name().startsWith(kv[0].strip()
                        .toUpperCase())).findFirst().orElseThrow(() -> new IllegalArgumentException("unknown day "
                                + kv[0]));
                week.put(d, new WorkingHours(LocalTime.parse(hours[0].strip()), LocalTime.parse(hours[1].strip())));
            }
            SlaCalendar draft = new SlaCalendar(0, form.name() == null ? "" : form.name().strip(),
                    ZoneId.of(form.zone().strip()), week, enums(form.holidays(), LocalDate::parse));
            if (form.id() == null) {
                sla.createCalendar(me.tenantId(), draft);
            }
            else if (sla.updateCalendar(me.tenantId(), form.id(), draft).isEmpty()) {
                throw new IllegalArgumentException("calendar " + form.id() + " not found");
            }
            flash.addFlashAttribute("saved", true);
        }
        catch (RuntimeException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/sla";
    }

    @RequiresPermission(Permission.VIEW_SLA_DIGESTS)
    @PostMapping("/console/sla/digest")
    String writeDigest(@AuthenticationPrincipal StaffPrincipal me) {
        sla.writeDigest(me.tenantId());
        return "redirect:/console/sla";
    }

    private static Duration minutes(Integer m) {
        return m == null ? null : Duration.ofMinutes(m);
    }

    private static <T> Set<T> enums(String csv, Function<String, T> parse) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> parse.apply(s.matches("\\d.*") ? s : s.toUpperCase())).collect(Collectors.toSet());
    }
}
