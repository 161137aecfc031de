package io.oriole.web.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.StaffPrincipal;
import io.oriole.routing.RoutingHistoryEntry;
import io.oriole.routing.RoutingManagement;
import io.oriole.routing.model.RoutingPolicies;
import io.oriole.simulation.WhatIf;

/**
 * The supervisors' what-if page: "what would this period have looked like under another routing policy, or with
 * N agents?". The server exports the tenant's own history ({@link RoutingManagement#history}) in the simulator's
 * {@code oriole-csv} format — or takes an uploaded file in that format — and replays it in-process through
 * {@link WhatIf}, the same code as {@code java -jar oriole.jar simulate}. Results: a table per policy, simulated
 * against historical, and charts drawn by {@code /js/simulation.js} from the simulator's JSON report.
 */
@RequiresPermission(Permission.RUN_WHAT_IF)
@Controller
class SimulationConsoleController {

    /** The longest period replayed from the platform's history, as for the CSV export. */
    static final int LONGEST_PERIOD_DAYS = 92;
    static final int DEFAULT_PERIOD_DAYS = 30;
    static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4");

    private final RoutingManagement routing;
    private final Clock clock;

    SimulationConsoleController(RoutingManagement routing, Clock clock) {
        this.routing = routing;
        this.clock = clock;
    }

    /**
     * The form. {@code staffing} is {@code trace} (the history's own) or {@code agents} (then {@code agents} many);
     * targets are seconds per priority, blank for the default.
     */
    record WhatIfForm(@DateTimeFormat(iso = ISO.DATE) LocalDate from, @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            String policy, String staffing, Integer agents, Long targetP1,
            Long targetP2, Long targetP3, Long targetP4) {

        static WhatIfForm defaults(LocalDate today) {
            return new WhatIfForm(today.minusDays(DEFAULT_PERIOD_DAYS), today, WhatIf.ALL, "trace", null, 60L, 120L,
                    300L, 600L);
        }

        Map<String, Long> targets() {
            Map<String, Long> targets = new LinkedHashMap<>();
            Long[] values = { targetP1, targetP2, targetP3, targetP4 };
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    targets.put(PRIORITIES.get(i), values[i]);
                }
            }
            return targets;
        }
    }

    @GetMapping("/console/simulation")
    String page(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        return render(me, WhatIfForm.defaults(today()), model);
    }

    @PostMapping("/console/simulation")
    String run(@AuthenticationPrincipal StaffPrincipal me, @ModelAttribute WhatIfForm submitted, BindingResult binding,
            @RequestParam(name = "trace", required = false) MultipartFile upload, Model model) throws IOException {
        WhatIfForm defaults = WhatIfForm.defaults(today());
        if (binding.hasErrors()) {
            model.addAttribute("invalidFields", binding.getFieldErrors().stream().map(FieldError::getField)
                    .distinct().sorted().toList());
            return render(me, defaults, model);
        }
        WhatIfForm form = new WhatIfForm(submitted.from() == null ? defaults.from() : submitted.from(),
                submitted.to() == null ? defaults.to() : submitted.to(),
                submitted.policy() == null ? defaults.policy() : submitted.policy(),
                submitted.staffing() == null ? defaults.staffing() : submitted.staffing(), submitted.agents(),
                submitted.targetP1(), submitted.targetP2(), submitted.targetP3(), submitted.targetP4());
        Integer agents = "agents".equals(form.staffing()) ? form.agents() : null;
        if ("agents".equals(form.staffing()) && agents == null) {
            model.addAttribute("error", "agents");
            return render(me, form, model);
        }
        WhatIf.Options options = new WhatIf.Options(form.policy(), agents, form.targets(), 1);
        String name;
        byte[] csv;
        if (upload != null && !upload.isEmpty()) {
            name = fileName(upload.getOriginalFilename());
            csv = upload.getBytes();
            model.addAttribute("source", "upload");
            model.addAttribute("uploadName", name);
        }
        else {
            if (form.from().isAfter(form.to())) {
                model.addAttribute("error", "period");
                return render(me, form, model);
            }
            if (ChronoUnit.DAYS.between(form.from(), form.to()) + 1 > LONGEST_PERIOD_DAYS) {
                model.addAttribute("error", "tooLong");
                return render(me, form, model);
            }
            Instant from = form.from().atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant to = form.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            List<RoutingHistoryEntry> history = routing.history(me.tenantId(), from, to);
            model.addAttribute("source", "history");
            if (history.isEmpty()) {
                model.addAttribute("empty", true);
                return render(me, form, model);
            }
            name = "history-" + form.from() + "-to-" + form.to() + ".csv";
            csv = RoutingHistoryEntry.csv(history).getBytes(StandardCharsets.UTF_8);
        }
        try {
            model.addAttribute("report", WhatIf.run(name, csv, options));
        }
        catch (WhatIf.Rejected e) {
            model.addAttribute("rejected", e.getMessage());
        }
        return render(me, form, model);
    }

    private String render(StaffPrincipal me, WhatIfForm form, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("form", form);
        model.addAttribute("policies", RoutingPolicies.names());
        model.addAttribute("priorities", PRIORITIES);
        model.addAttribute("longest", LONGEST_PERIOD_DAYS);
        return "console/simulation";
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** The uploaded file's own name, for messages; never a path, never markup. */
    private static String fileName(String original) {
        if (original == null) {
            return "upload.csv";
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1)
                .replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        return name.isBlank() ? "upload.csv" : name.substring(0, Math.min(100, name.length()));
    }
}
