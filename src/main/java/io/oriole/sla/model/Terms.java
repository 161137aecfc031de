package io.oriole.sla.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import io.oriole.sla.SlaMetric;
import io.oriole.sla.SlaPolicy;

/** The policy that applies to a conversation with the calendar its working time is counted on. */
public record Terms(SlaPolicy policy, BusinessCalendar calendar) {

    public Terms {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(calendar, "calendar");
    }

    Instant due(Instant start, SlaMetric metric, Duration extra) {
        return calendar.plusWorkingTime(start, policy.target(metric).plus(extra));
    }

    Instant warnAt(Instant start, SlaMetric metric, Duration extra) {
        Duration share = policy.target(metric).multipliedBy(policy.warnAtPercent()).dividedBy(100);
        return calendar.plusWorkingTime(start, share.plus(extra));
    }
}
