package io.oriole.triage;

/** Everything triage found in one message, with the priority it led to. */
public record TriageResult(Language language, Category category, IntentMatch intent, Urgency urgency,
        Sentiment sentiment, KeyFacts facts, Complexity complexity, Priority priority) {
}
