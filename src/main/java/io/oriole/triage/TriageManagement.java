package io.oriole.triage;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.oriole.tenant.TenantId;
import io.oriole.triage.internal.TriageOperations;
import io.oriole.triage.model.LabelledCsv;
import io.oriole.triage.model.LabelledText;

/** Questions and commands about triage that other modules (and the admin console) may ask. */
@Service
public class TriageManagement {

    private final TriageOperations operations;
    private final Clock clock;

    TriageManagement(TriageOperations operations, Clock clock) {
        this.operations = operations;
        this.clock = clock;
    }

    /**
     * Replaces the tenant's labelled intent examples and retrains in the background; the previous
     * model keeps serving until the new one is ready.
     *
     * @throws IllegalArgumentException when an example has no text or no label
     */
    public void replaceIntentExamples(TenantId tenant, List<IntentExample> examples) {
        for (IntentExample e : examples) {
            if (e.text() == null || e.text().isBlank() || e.label() == null || e.label().isBlank()) {
                throw new IllegalArgumentException("every intent example needs a text and a label");
            }
        }
        operations.replaceIntentExamples(tenant.value(), examples, clock.instant());
    }

    /**
     * Replaces the tenant's intent examples with an uploaded CSV file (UTF-8, header with columns
     * {@code text} and {@code label}).
     *
     * @param name how error messages refer to the file, e.g. its original file name
     * @throws IllegalArgumentException with a one-line message naming the line, for a malformed file
     */
    public void uploadIntentExamples(TenantId tenant, String name, byte[] csv) {
        List<LabelledText> parsed;
        try {
            parsed = LabelledCsv.parse(name, csv);
        } catch (LabelledCsv.CsvException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        replaceIntentExamples(tenant, parsed.stream().map(e -> new IntentExample(e.text(), e.label())).toList());
    }

    /** The conversation's current triage (that of its latest triaged message), empty until triage has run. */
    public Optional<TriageResult> latest(TenantId tenant, long conversationId) {
        return operations.latest(tenant.value(), conversationId);
    }

    /** The current priority level of each given conversation; conversations not yet triaged are left out. */
    public Map<Long, PriorityLevel> latestLevels(TenantId tenant, Collection<Long> conversationIds) {
        return operations.latestLevels(tenant.value(), conversationIds);
    }

    /** How a message would be triaged for an ordinary customer right now, without storing anything. */
    public TriageResult preview(TenantId tenant, String text) {
        return operations.preview(tenant.value(), text);
    }

    /**
     * Adds labelled examples to the tenant's set and retrains in the background.
     *
     * @throws IllegalArgumentException when an example has no text or no label
     */
    public void addIntentExamples(TenantId tenant, List<IntentExample> examples) {
        for (IntentExample e : examples) {
            if (e.text() == null || e.text().isBlank() || e.label() == null || e.label().isBlank()) {
                throw new IllegalArgumentException("every intent example needs a text and a label");
            }
        }
        operations.addIntentExamples(tenant.value(), examples.stream()
                .map(e -> new IntentExample(e.text().strip(), e.label().strip())).toList(), clock.instant());
    }

    /** Forgets an intent and all its examples; returns how many examples it had. */
    public int deleteIntent(TenantId tenant, String label) {
        return operations.deleteIntentLabel(tenant.value(), label);
    }

    public List<IntentExample> intentExamples(TenantId tenant) {
        return operations.intentExamples(tenant.value());
    }

    public TriageSettings settings(TenantId tenant) {
        return operations.settings(tenant.value());
    }

    /**
     * Replaces the tenant's own priority weights (names as in {@link TriageSettings#defaultWeights()}); weights not
     * named take their defaults. Nothing changes when any weight is unknown or the level thresholds do not fall.
     *
     * @throws IllegalArgumentException naming the bad weight
     */
    public void replacePriorityWeights(TenantId tenant, Map<String, ? extends Number> weights) {
        operations.replacePriorityWeights(tenant.value(), weights);
    }

    /** Replaces the product names triage recognises as key facts in the tenant's messages. */
    public void replaceCatalogue(TenantId tenant, Collection<String> products) {
        for (String p : products) {
            if (p == null || p.isBlank() || p.length() > 200) {
                throw new IllegalArgumentException("a product name must have 1 to 200 characters");
            }
        }
        operations.replaceCatalogue(tenant.value(), products.stream().map(String::strip).toList());
    }

    /**
     * Sets the conversation's priority by hand, recording who and why; the level stays in force over later
     * messages until {@link #clearPriorityOverride} hands it back to triage. The caller checks the role.
     *
     * @throws IllegalArgumentException when the reason is blank or longer than 500 characters
     */
    public PriorityOverride overridePriority(TenantId tenant, long conversationId, PriorityLevel level,
            String reason, long byUserId, String byName) {
        if (level == null) {
            throw new IllegalArgumentException("level is required");
        }
        return operations.override(tenant.value(), conversationId, level, checkedReason(reason), byUserId, byName,
                clock.instant());
    }

    /** Hands the conversation's priority back to triage, recording who and why. */
    public PriorityOverride clearPriorityOverride(TenantId tenant, long conversationId, String reason, long byUserId,
            String byName) {
        return operations.override(tenant.value(), conversationId, null, checkedReason(reason), byUserId, byName,
                clock.instant());
    }

    /** Every priority override of the conversation, oldest first. */
    public List<PriorityOverride> priorityOverrides(TenantId tenant, long conversationId) {
        return operations.overrides(tenant.value(), conversationId);
    }

    private static String checkedReason(String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw new IllegalArgumentException("reason must have 1 to 500 characters");
        }
        return reason.strip();
    }
}
