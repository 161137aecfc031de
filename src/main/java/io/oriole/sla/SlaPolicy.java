package io.oriole.sla;

import java.time.Duration;
import java.util.Set;

import io.oriole.conversation.ConversationStatus;

/**
 * A tenant's promise for the conversations its conditions match. Policies are tried in {@code position} order and
 * the first match applies. {@code calendarId} null means around the clock; {@code warnAtPercent} is the share of a
 * target after which the assignee is warned; {@code reminderEvery}, when set, reminds the owner of an unanswered
 * conversation that often from the warning on; {@code pauseStatuses} stop the resolution clock.
 */
public record SlaPolicy(long id, String name, int position, boolean enabled, PolicyConditions conditions,
        SlaTargets targets, Long calendarId, int warnAtPercent, Duration reminderEvery, Escalation escalation,
        Set<ConversationStatus> pauseStatuses) {

    public SlaPolicy {
        if (warnAtPercent < 1 || warnAtPercent > 99) {
            throw new IllegalArgumentException("warnAtPercent must be between 1 and 99");
        }
        if (reminderEvery != null && reminderEvery.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("reminderMinutes must be at least 1");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        escalation = escalation == null ? Escalation.none() : escalation;
        pauseStatuses = pauseStatuses == null ? Set.of() : Set.copyOf(pauseStatuses);
    }

    /** The target of a metric, the tier clocks included. */
    public Duration target(SlaMetric metric) {
        return metric.isTierClock() ? escalation.joinTarget(metric) : targets.of(metric);
    }
}
