package io.oriole.web.console;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.oriole.customer.CustomerManagement;
import io.oriole.customer.TierRule;
import io.oriole.customer.VipTier;
import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.StaffPrincipal;
import io.oriole.triage.IntentExample;
import io.oriole.triage.TriageManagement;

/**
 * The console page where an admin teaches triage the tenant's own intents (one example at a time or a CSV file),
 * lists its products, tunes the priority weights and sets the VIP tier rules, and tries a message to see how it
 * would be triaged. Supervisors may look; only admins change anything.
 */
@RequiresPermission(Permission.VIEW_SETTINGS)
@Controller
class TriageConsoleController {

    private static final List<VipTier> RULE_TIERS = List.of(VipTier.PLATINUM, VipTier.GOLD, VipTier.SILVER);

    private final TriageManagement triage;
    private final CustomerManagement customers;

    TriageConsoleController(TriageManagement triage, CustomerManagement customers) {
        this.triage = triage;
        this.customers = customers;
    }

    @GetMapping("/console/triage")
    String page(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) String preview,
            Model model) {
        model.addAttribute("me", me);
        model.addAttribute("settings", triage.settings(me.tenantId()));
        Map<VipTier, TierRule> rules = new LinkedHashMap<>();
        RULE_TIERS.forEach(t -> rules.put(t, null));
        customers.tierRules(me.tenantId()).forEach(r -> rules.put(r.tier(), r));
        model.addAttribute("tierRules", rules);
        if (preview != null && !preview.isBlank()) {
            model.addAttribute("previewText", preview);
            model.addAttribute("preview", triage.preview(me.tenantId(), preview.strip()));
        }
        return "console/triage";
    }

    @RequiresPermission(Permission.MANAGE_TRIAGE)
    @PostMapping("/console/triage/intents")
    String addExample(@AuthenticationPrincipal StaffPrincipal me, @RequestParam String text,
            @RequestParam String label, RedirectAttributes flash) {
        return act(flash, "intentAdded", () -> triage.addIntentExamples(me.tenantId(),
                List.of(new IntentExample(text, label))));
    }

    @RequiresPermission(Permission.MANAGE_TRIAGE)
    @PostMapping("/console/triage/intents/upload")
    String upload(@AuthenticationPrincipal StaffPrincipal me, @RequestParam("file") MultipartFile file,
            RedirectAttributes flash) throws IOException {
        byte[] bytes = file.getBytes();
        String name = file.getOriginalFilename() == null ? "file" : file.getOriginalFilename();
        return act(flash, "intentsUploaded", () -> triage.uploadIntentExamples(me.tenantId(), name, bytes));
    }

    @RequiresPermission(Permission.MANAGE_TRIAGE)
    @PostMapping("/console/triage/intents/delete")
    String deleteIntent(@AuthenticationPrincipal StaffPrincipal me, @RequestParam String label,
            RedirectAttributes flash) {
        return act(flash, "intentDeleted", () -> triage.deleteIntent(me.tenantId(), label));
    }

    @RequiresPermission(Permission.MANAGE_TRIAGE)
    @PostMapping("/console/triage/products")
    String products(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(defaultValue = "") String products,
            RedirectAttributes flash) {
        List<String> names = Arrays.stream(products.split("\\R")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        return act(flash, "saved", () -> triage.replaceCatalogue(me.tenantId(), names));
    }

    @RequiresPermission(Permission.MANAGE_TRIAGE)
    @PostMapping("/console/triage/weights")
    String weights(@AuthenticationPrincipal StaffPrincipal me, @RequestParam Map<String, String> form,
            RedirectAttributes flash) {
        return act(flash, "saved", () -> {
            Map<String, Number> defaults = triage.settings(me.tenantId()).defaultWeights();
            Map<String, Double> own = new LinkedHashMap<>();
            for (String name : defaults.keySet()) {
                String value = form.getOrDefault("w." + name, "").strip();
                if (value.isEmpty()) {
                    continue;
                }
                double parsed = number(name, value).doubleValue();
                if (parsed != defaults.get(name).doubleValue()) {
                    own.put(name, parsed);
                }
            }
            triage.replacePriorityWeights(me.tenantId(), own);
        });
    }

    @RequiresPermission(Permission.MANAGE_TRIAGE)
    @PostMapping("/console/triage/tier-rules")
    String tierRules(@AuthenticationPrincipal StaffPrincipal me, @RequestParam Map<String, String> form,
            RedirectAttributes flash) {
        return act(flash, "saved", () -> {
            List<TierRule> rules = new ArrayList<>();
            for (VipTier tier : RULE_TIERS) {
                String employees = form.getOrDefault(tier + ".minEmployees", "").strip();
                String spend = form.getOrDefault(tier + ".minMonthlySpend", "").strip();
                String months = form.getOrDefault(tier + ".minMonths", "").strip();
                if (employees.isEmpty() && spend.isEmpty() && months.isEmpty()) {
                    continue;
                }
                rules.add(new TierRule(tier, employees.isEmpty() ? null : number(tier + " employees", employees)
                        .intValue(), spend.isEmpty() ? null : new BigDecimal(number(tier + " spend", spend).toString()),
                        months.isEmpty() ? null : number(tier + " months", months).intValue()));
            }
            int changed = customers.replaceTierRules(me.tenantId(), rules);
            flash.addFlashAttribute("customersChanged", changed);
        });
    }

    private static Number number(String name, String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + value + "'");
        }
    }

    private static String act(RedirectAttributes flash, String done, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("done", done);
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/triage";
    }
}
