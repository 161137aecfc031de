package io.oriole.triage;

/** A labelled example of one of the tenant's own intents, as uploaded (CSV text,label). */
public record IntentExample(String text, String label) {
}
