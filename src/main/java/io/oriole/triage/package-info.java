/**
 * Triage: understands each customer message (language, category, tenant intent, urgency, sentiment,
 * key facts, complexity) and scores its priority with the factors kept, then announces
 * {@link io.oriole.triage.ConversationTriaged}. The logic is framework-free in {@code model}; the
 * {@code eval} subcommand measures the classifiers on labelled CSV files.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Triage")
package io.oriole.triage;
