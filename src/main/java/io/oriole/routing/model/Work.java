package io.oriole.routing.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One waiting conversation as routing sees it.
 *
 * @param conversationId    the conversation waiting for an agent
 * @param priority          1 = P1 (most urgent) .. 4 = P4
 * @param queuedAt          when it started waiting; ages count from here
 * @param deadline          the earliest SLA deadline, or {@code null} when no SLA clock runs
 * @param predictedHandling expected handling time for this kind of work, before knowing the agent
 * @param queue             the queue it waits in (for reasons and reports)
 * @param skills            skills an agent must have, any level
 * @param language          language the agent must speak (kept lower-case), or {@code null} for any
 * @param expedite          urgent or VIP: needs a senior (tier 2 or 3) agent and goes ahead of the queue
 * @param preferredAgentId  dedicated or previous agent, or {@code null}
 * @param preferredUntil    how long to wait for the preferred agent, or {@code null} for not at all
 * @param weight            capacity units it takes: chat 1, phone 2, ...
 * @param intent            triage intent, or {@code null}; keys the handling-time prediction
 */
public record Work(long conversationId, int priority, Instant queuedAt, Instant deadline, Duration predictedHandling,
        String queue, Set<String> skills, String language, boolean expedite, Long preferredAgentId,
        Instant preferredUntil, int weight, String intent) {

    public Work {
        if (priority < 1 || priority > 4) {
            throw new IllegalArgumentException("priority must be 1..4, was " + priority);
        }
        if (weight < 1) {
            throw new IllegalArgumentException("weight must be at least 1, was " + weight);
        }
        Objects.requireNonNull(queuedAt, "queuedAt");
        predictedHandling = predictedHandling == null ? Duration.ZERO : predictedHandling;
        skills = skills == null ? Set.of() : Set.copyOf(skills);
        language = language == null ? null : language.toLowerCase(Locale.ROOT);
    }

    /** Plain chat work of one capacity unit with no deadline, skills, language or preference. */
    public static Work of(long conversationId, int priority, Instant queuedAt) {
        return new Work(conversationId, priority, queuedAt, null, Duration.ZERO, "default", Set.of(), null, false,
                null, null, 1, null);
    }

    public Work withDeadline(Instant newDeadline) {
        return new Work(conversationId, priority, queuedAt, newDeadline, predictedHandling, queue, skills, language,
                expedite, preferredAgentId, preferredUntil, weight, intent);
    }

    public Work withPredictedHandling(Duration handling) {
        return new Work(conversationId, priority, queuedAt, deadline, handling, queue, skills, language, expedite,
                preferredAgentId, preferredUntil, weight, intent);
    }

    public Work withSkills(Set<String> newSkills) {
        return new Work(conversationId, priority, queuedAt, deadline, predictedHandling, queue, newSkills, language,
                expedite, preferredAgentId, preferredUntil, weight, intent);
    }

    public Work withLanguage(String newLanguage) {
        return new Work(conversationId, priority, queuedAt, deadline, predictedHandling, queue, skills, newLanguage,
                expedite, preferredAgentId, preferredUntil, weight, intent);
    }

    public Work withExpedite(boolean newExpedite) {
        return new Work(conversationId, priority, queuedAt, deadline, predictedHandling, queue, skills, language,
                newExpedite, preferredAgentId, preferredUntil, weight, intent);
    }

    public Work withPreferredAgent(Long agentId, Instant until) {
        return new Work(conversationId, priority, queuedAt, deadline, predictedHandling, queue, skills, language,
                expedite, agentId, until, weight, intent);
    }

    public Work withWeight(int newWeight) {
        return new Work(conversationId, priority, queuedAt, deadline, predictedHandling, queue, skills, language,
                expedite, preferredAgentId, preferredUntil, newWeight, intent);
    }

    public Work withIntent(String newIntent) {
        return new Work(conversationId, priority, queuedAt, deadline, predictedHandling, queue, skills, language,
                expedite, preferredAgentId, preferredUntil, weight, newIntent);
    }

    public Work withQueue(String newQueue) {
        return new Work(conversationId, priority, queuedAt, deadline, predictedHandling, newQueue, skills, language,
                expedite, preferredAgentId, preferredUntil, weight, intent);
    }
}
