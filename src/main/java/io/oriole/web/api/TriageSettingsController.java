package io.oriole.web.api;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.oriole.customer.CustomerManagement;
import io.oriole.customer.TierRule;
import io.oriole.customer.VipTier;
import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.StaffPrincipal;
import io.oriole.triage.IntentExample;
import io.oriole.triage.TriageManagement;
import io.oriole.triage.TriageSettings;
import io.oriole.web.api.ConversationController.TriageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * How the tenant tunes triage: its own intents (labelled examples, one at a time or as a CSV file), the product
 * catalogue recognised in messages, the priority weights, and the rules that compute customers' VIP tiers. Reading
 * is open to supervisors; changes are for admins.
 */
@RequiresPermission(Permission.VIEW_SETTINGS)
@RestController
@RequestMapping("/api/v1/triage")
@Tag(name = "Triage settings", description = "Intents, catalogue, priority weights and VIP tier rules of the tenant")
class TriageSettingsController {

    private final TriageManagement triage;
    private final CustomerManagement customers;

    TriageSettingsController(TriageManagement triage, CustomerManagement customers) {
        this.triage = triage;
        this.customers = customers;
    }

    record NewIntentExample(@NotBlank @Size(max = 2000) String text, @NotBlank @Size(max = 120) String label) {
    }

    record Preview(@NotBlank @Size(max = 10_000) String text) {
    }

    /** One tier's rule; conditions left out do not apply. */
    record SaveTierRule(@NotNull VipTier tier, @PositiveOrZero Integer minEmployees,
            @PositiveOrZero BigDecimal minMonthlySpend, @PositiveOrZero Integer minMonths) {
    }

    record TierRulesResponse(List<TierRule> rules, int customersChanged) {
    }

    @GetMapping("/settings")
    @Operation(summary = "Examples per intent, catalogue and priority weights (the tenant's and the defaults)")
    TriageSettings settings(@AuthenticationPrincipal StaffPrincipal me) {
        return triage.settings(me.tenantId());
    }

    @GetMapping("/intents")
    @Operation(summary = "Every labelled intent example of the tenant")
    List<IntentExample> intents(@AuthenticationPrincipal StaffPrincipal me) {
        return triage.intentExamples(me.tenantId());
    }

    @RequiresPermission(Permission.MANAGE_TRIAGE)
    @PostMapping("/intents")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add one labelled example; the intent model retrains in the background within seconds")
    TriageSettings addIntent(@AuthenticationPrincipal StaffPrincipal me, @Valid @RequestBody NewIntentExample e) {
        triage.addIntentExamples(me.tenantId(), List.of(new IntentExample(e.text(), e.label())));
        return triage.settings(me.tenantId());
    }

    @RequiresPermission(Permission.MANAGE_TRIAGE)
    @PutMapping(path = "/intents", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
    @Operation(summary = "Replace all examples with a UTF-8 CSV file with header text,label",
            description = "A malformed file changes nothing; the problem names the line.")
    TriageSettings replaceIntents(@AuthenticationPrincipal StaffPrincipal me, @RequestBody byte[] csv) {
        return replace(me, "body", "request body", csv);
    }

    @RequiresPermission(Permission.MANAGE_TRIAGE)
    @PutMapping(path = "/intents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Replace all examples with an uploaded CSV file (form field 'file')")
    TriageSettings uploadIntents(@AuthenticationPrincipal StaffPrincipal me, @RequestPart("file") MultipartFile file)
            throws IOException {
        return replace(me, "file", file.getOriginalFilename() == null ? "file" : file.getOriginalFilename(),
                file.getBytes());
    }

    @RequiresPermission(Permission.MANAGE_TRIAGE)
    @DeleteMapping("/intents/{label}")
    @Operation(summary = "Forget an intent and all its examples")
    TriageSettings deleteIntent(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String label) {
        if (triage.deleteIntent(me.tenantId(), label) == 0) {
            throw new UnknownIdException("intent", label);
        }
        return triage.settings(me.tenantId());
    }

    @RequiresPermission(Permission.MANAGE_TRIAGE)
    @PutMapping("/products")
    @Operation(summary = "Replace the product names recognised as key facts")
    TriageSettings products(@AuthenticationPrincipal StaffPrincipal me,
            @RequestBody List<@Size(max = 200) String> products) {
        // Checked here rather than with @NotBlank so that a null item answers 422 as in every other request list.
        NullItemRefused.refuseNulls(products);
        for (int i = 0; i < products.size(); i++) {
            if (products.get(i).isBlank()) {
                throw new InvalidFieldException("[" + i + "]", "must not be blank");
            }
        }
        triage.replaceCatalogue(me.tenantId(), products);
        return triage.settings(me.tenantId());
    }

    @RequiresPermission(Permission.MANAGE_TRIAGE)
    @PutMapping("/weights")
    @Operation(summary = "Replace the tenant's own priority weights; weights not named take their defaults",
            description = "Names as in defaultWeights of the settings. An unknown name or thresholds that do not "
                    + "fall (p1 > p2 > p3) change nothing.")
    TriageSettings weights(@AuthenticationPrincipal StaffPrincipal me, @RequestBody Map<String, Double> weights) {
        for (var w : weights.entrySet()) {
            if (!triage.settings(me.tenantId()).defaultWeights().containsKey(w.getKey())) {
                throw new InvalidFieldException(w.getKey(), "is not a priority weight");
            }
            if (w.getValue() == null || w.getValue() < 0) {
                throw new InvalidFieldException(w.getKey(), "must be zero or more");
            }
        }
        try {
            triage.replacePriorityWeights(me.tenantId(), weights);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("p1", e.getMessage());
        }
        return triage.settings(me.tenantId());
    }

    @PostMapping("/preview")
    @Operation(summary = "How a message would be triaged for an ordinary customer now; nothing is stored")
    TriageResponse preview(@AuthenticationPrincipal StaffPrincipal me, @Valid @RequestBody Preview request) {
        return TriageResponse.of(triage.preview(me.tenantId(), request.text()));
    }

    @GetMapping("/tier-rules")
    @Operation(summary = "The rules that compute customers' VIP tiers from their account facts")
    List<TierRule> tierRules(@AuthenticationPrincipal StaffPrincipal me) {
        return customers.tierRules(me.tenantId());
    }

    @RequiresPermission(Permission.MANAGE_TRIAGE)
    @PutMapping("/tier-rules")
    @Operation(summary = "Replace the VIP tier rules; every customer with account facts is recomputed at once",
            description = "At most one rule per tier; each rule needs at least one condition.")
    TierRulesResponse replaceTierRules(@AuthenticationPrincipal StaffPrincipal me,
            @RequestBody List<@Valid SaveTierRule> rules) {
        NullItemRefused.refuseNulls(rules);
        List<TierRule> parsed = new java.util.ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            SaveTierRule r = rules.get(i);
            if (r.tier() == null) {
                throw new InvalidFieldException("[" + i + "].tier", "is required");
            }
            try {
                parsed.add(new TierRule(r.tier(), r.minEmployees(), r.minMonthlySpend(), r.minMonths()));
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("[" + i + "]", e.getMessage());
            }
        }
        try {
            int changed = customers.replaceTierRules(me.tenantId(), parsed);
            return new TierRulesResponse(customers.tierRules(me.tenantId()), changed);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("tier", e.getMessage());
        }
    }

    private TriageSettings replace(StaffPrincipal me, String field, String name, byte[] csv) {
        try {
            triage.uploadIntentExamples(me.tenantId(), name, csv);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, e.getMessage());
        }
        return triage.settings(me.tenantId());
    }
}
