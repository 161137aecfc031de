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
}
